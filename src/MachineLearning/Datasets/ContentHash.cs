using System.Security.Cryptography;

namespace Platform.MachineLearning.Datasets;

/// <summary>SHA-256 content hashes (lower-case hex) of dataset files, streamed rather than loaded whole.</summary>
public static class ContentHash
{
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await Sha256Async(stream, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<string> Sha256Async(Stream stream, CancellationToken cancellationToken = default)
    {
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }
}
