using System.Security.Cryptography;
using Platform.Edge.Storage;

namespace Platform.Edge.Models;

/// <summary>
/// A model's files in the state directory, side by side (A/B): each version under a name of its own
/// (<c>v{version}-{sha prefix}.onnx</c>), written only by an atomic rename of a verified download. The file being served
/// and the one before it are kept; a download in progress lives in <c>.partial</c> until it is whole and checked, so a
/// crash at any moment leaves the served file untouched and the partial one to resume.
/// </summary>
internal sealed class ModelStore(StatePaths paths)
{
    public string FinalPath(string model, int version, string sha256) =>
        Path.Combine(paths.ModelFolder(model), $"v{version}-{sha256[..16]}.onnx");

    public static string PartialPath(string finalPath) => finalPath + ".partial";

    /// <summary>Whether <paramref name="path"/> holds exactly <paramref name="size"/> bytes whose SHA-256 is <paramref name="sha256"/>.</summary>
    public static async Task<bool> MatchesAsync(string path, long size, string sha256, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) || new FileInfo(path).Length != size)
        {
            return false;
        }

        await using var file = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(file, cancellationToken);
        return Convert.ToHexStringLower(hash) == sha256;
    }

    /// <summary>Moves a verified partial file into place, atomically (same folder, so a rename).</summary>
    public static void Commit(string partialPath, string finalPath) => File.Move(partialPath, finalPath, overwrite: true);

    /// <summary>Deletes the model's files other than <paramref name="keep"/> (and their partial downloads): old versions, abandoned downloads.</summary>
    public void Prune(string model, IEnumerable<string?> keep, ILogger logger)
    {
        var folder = paths.ModelFolder(model);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var kept = keep.OfType<string>().SelectMany(k => new[] { Path.GetFullPath(k), Path.GetFullPath(PartialPath(k)) }).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !kept.Contains(Path.GetFullPath(f))))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException ex)
            {
                logger.LogWarning("Could not delete {File}: {Reason}", file, ex.Message);
            }
        }
    }
}
