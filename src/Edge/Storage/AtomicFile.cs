using System.Text.Json;

namespace Platform.Edge.Storage;

/// <summary>
/// Small files written whole or not at all: into a temporary file beside the target, flushed to disk, then renamed over
/// it (a rename within a folder is atomic), so that a crash or power cut leaves the old content or the new, never half.
/// </summary>
internal static class AtomicFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>; <paramref name="ownerOnly"/> creates it readable by this user only (0600).</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes, bool ownerOnly = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            // Set at creation, so that the key is never readable by others, not even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var file = new FileStream(temporary, options))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void WriteJson<T>(string path, T value, bool ownerOnly = false) =>
        Write(path, JsonSerializer.SerializeToUtf8Bytes(value, Json), ownerOnly);

    /// <summary>The file's content as <typeparamref name="T"/>; <c>null</c> when there is no such file.</summary>
    /// <exception cref="JsonException">The file is not such JSON (a hand edit, a disk fault).</exception>
    public static T? ReadJson<T>(string path)
        where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json) : null;
}
