using System.Security.Cryptography;

namespace Platform.Serving.Security;

/// <summary>
/// The inference keys an endpoint accepts, held as their SHA-256 (decoded once per state, never the keys). A request's
/// key is hashed once and compared with each hash in constant time.
/// </summary>
public sealed class InferenceKeys
{
    public const int HashBytes = 32;

    /// <summary>No key needed (configured endpoints when <c>Serving:InferenceKeyHashes</c> is empty).</summary>
    public static readonly InferenceKeys Open = new([], isOpen: true);

    private readonly byte[][] _hashes;

    private InferenceKeys(byte[][] hashes, bool isOpen)
    {
        _hashes = hashes;
        IsOpen = isOpen;
    }

    public bool IsOpen { get; }

    /// <summary>Keys required; <paramref name="hexHashes"/> that are not 64 hex digits are ignored (they match no key).</summary>
    public static InferenceKeys Required(IEnumerable<string> hexHashes)
    {
        ArgumentNullException.ThrowIfNull(hexHashes);
        var hashes = new List<byte[]>();
        foreach (var hex in hexHashes)
        {
            var bytes = new byte[HashBytes];
            if (hex is { Length: HashBytes * 2 } && Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == HashBytes)
            {
                hashes.Add(bytes);
            }
        }

        return new InferenceKeys([.. hashes], isOpen: false);
    }

    /// <summary>Whether <paramref name="hash"/> (a key's SHA-256) is one of the accepted ones; every hash is compared, in constant time each.</summary>
    public bool Accepts(ReadOnlySpan<byte> hash)
    {
        var accepted = false;
        foreach (var candidate in _hashes)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(candidate, hash);
        }

        return accepted;
    }
}
