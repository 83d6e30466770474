namespace Platform.Application.Common.Interfaces;

public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="hash"/>. With a null hash (no such user) it spends
    /// the same time as a real check and fails, so that timing does not tell which user names exist.
    /// </summary>
    PasswordCheck Verify(string? hash, string password);
}

public enum PasswordCheck
{
    Failed,
    Success,
    SuccessRehashNeeded,
}
