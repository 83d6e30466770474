using System.Security.Cryptography;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Identity;

/// <summary>Download links' MACs: HMAC-SHA256 under a key derived from the token signing key, as job tokens' (<see cref="JobTokens"/>), with its own label.</summary>
internal sealed class DownloadLinkSigner(SigningKeyStore keys) : IDownloadLinkSigner
{
    private readonly Lazy<byte[]> _key = new(() => HMACSHA256.HashData(keys.Key.Key, "platform download link v1"u8));

    public byte[] Sign(ReadOnlySpan<byte> payload) => HMACSHA256.HashData(_key.Value, payload);
}
