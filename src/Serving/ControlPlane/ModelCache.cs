using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Platform.Serving.ControlPlane;

/// <summary>
/// Model files from the control plane, kept in <c>Serving:ModelCache</c> as <c>{sha256}.onnx</c>: the name comes from
/// the hash the desired state gives (never from a path the server sends), and a download is moved into place only once
/// its SHA-256 matches, so a file in the cache is always a verified one.
/// </summary>
public sealed partial class ModelCache(IServingControlPlane plane, IOptions<ServingOptions> options, IHostEnvironment environment, ILogger<ModelCache> logger)
{
    public string Folder { get; } = Path.GetFullPath(
        options.Value.ModelCache ?? Path.Combine(Path.GetTempPath(), "platform-serving-models"), environment.ContentRootPath);

    /// <summary>The cached file for <paramref name="sha256"/>, downloaded and verified first when missing.</summary>
    /// <exception cref="InvalidDataException">The hash is not 64 hex digits, or the download's hash differs.</exception>
    public async Task<string> EnsureAsync(string workspace, string model, int version, string sha256, CancellationToken cancellationToken)
    {
        if (!Sha256Text().IsMatch(sha256 ?? ""))
        {
            throw new InvalidDataException($"Model {model} version {version}: the desired state's SHA-256 '{sha256}' is not 64 hex digits.");
        }

        var expected = sha256!.ToLowerInvariant();
        var path = Path.Combine(Folder, expected + ".onnx");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Folder);
        var part = Path.Combine(Folder, $"{expected}.{Guid.NewGuid():N}.part");
        try
        {
            var file = new FileStream(part, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await plane.DownloadModelAsync(workspace, model, version, file, cancellationToken).ConfigureAwait(false);
                file.Position = 0;
                var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false));
                if (actual != expected)
                {
                    throw new InvalidDataException($"Model {model} version {version}: the downloaded file's SHA-256 is {actual}; the desired state says {expected}.");
                }
            }

            File.Move(part, path, overwrite: true);
            logger.LogInformation("Downloaded model {Model} version {Version} ({Sha256}) into the model cache", model, version, expected);
            return path;
        }
        finally
        {
            File.Delete(part);
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Text();
}
