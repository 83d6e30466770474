using System.Buffers;
using System.Security.Cryptography;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Artifacts;

/// <summary>
/// Blobs on a local or mounted folder under <c>sha256/ab/cd/&lt;hash&gt;</c>. Uploads stream to a temporary file
/// while being hashed, are flushed to the disk, then move into place; identical content is stored once. No client-supplied name ever
/// reaches the file system.
/// </summary>
internal sealed class FileSystemArtifactStore(string root) : IArtifactStore, IBlobInventory
{
    private const int BufferSize = 128 * 1024;

    public async Task<StoredBlob> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var temporaryFolder = Path.Combine(root, "tmp");
        Directory.CreateDirectory(temporaryFolder);
        var temporary = Path.Combine(temporaryFolder, Guid.NewGuid().ToString("N"));
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new PayloadTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                // On the disk before the upload is answered: a version or artefact recorded after this never points at
                // a file that a power cut took away.
                file.Flush(flushToDisk: true);
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                // Stored already: touched, so that the orphan sweep does not take it before its new owner commits.
                File.Delete(temporary);
                File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
            }
            else
            {
                File.Move(temporary, target, overwrite: true);
            }

            return new StoredBlob(sha256, total);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Stream? OpenRead(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            return null;
        }

        var path = PathOf(sha256.ToLowerInvariant());
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
    }

    public IEnumerable<string> StoredBefore(DateTimeOffset before)
    {
        var folder = Path.Combine(root, "sha256");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(path => File.GetLastWriteTimeUtc(path) < before.UtcDateTime)
                .Select(Path.GetFileName)
                .Where(name => name is { Length: 64 } && name.All(Uri.IsHexDigit))
                .Select(name => name!)
            : [];
    }

    public void Delete(string sha256)
    {
        if (sha256.Length == 64 && sha256.All(Uri.IsHexDigit))
        {
            File.Delete(PathOf(sha256.ToLowerInvariant()));
        }
    }

    private string PathOf(string sha256) => Path.Combine(root, "sha256", sha256[..2], sha256[2..4], sha256);
}
