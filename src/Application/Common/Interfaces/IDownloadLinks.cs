namespace Platform.Application.Common.Interfaces;

/// <summary>
/// The MAC of a download link (HMAC-SHA256 under a key derived from the token signing key): nothing is stored, a link
/// is checked by recomputing it.
/// </summary>
public interface IDownloadLinkSigner
{
    byte[] Sign(ReadOnlySpan<byte> payload);
}

/// <summary>
/// Makes the rest of this request act for the user a download link was made for, so that the link's content is read
/// through the same queries, and the same role checks, as the normal read endpoints.
/// </summary>
public interface IDownloadCaller
{
    void ActFor(Guid? userId, string name, Role roles);
}
