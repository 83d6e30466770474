using Microsoft.AspNetCore.Identity;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's hasher: PBKDF2-HMAC-SHA512, 100,000 iterations, salted, versioned.</summary>
internal sealed class AspNetPasswordHasher : IPasswordHasher
{
    private static readonly PasswordHasher<User> Hasher = new();
    private static readonly Lazy<string> UnknownUserHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    public string Hash(string password) => Hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string? hash, string password)
    {
        if (hash is null)
        {
            Hasher.VerifyHashedPassword(null!, UnknownUserHash.Value, password);
            return PasswordCheck.Failed;
        }

        return Hasher.VerifyHashedPassword(null!, hash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Success,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
            _ => PasswordCheck.Failed,
        };
    }
}
