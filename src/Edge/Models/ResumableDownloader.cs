using System.Net;
using System.Net.Http.Headers;
using Platform.Edge.Identity;

namespace Platform.Edge.Models;

/// <summary>
/// Downloads a model file into its partial file and, when a cut link ends the body early, asks again for the rest only
/// (<c>Range: bytes=N-</c>; 206 appends, a 200 starts over). The whole file's size and SHA-256 are checked against the
/// manifest before it is moved into place; a mismatch deletes it and throws <see cref="ModelFileRejectedException"/>.
/// </summary>
internal sealed class ResumableDownloader(DeviceHttp http, TimeProvider clock, ILogger<ResumableDownloader> logger)
{
    /// <summary>Tries within one call; what is downloaded stays on disk, so the next poll resumes where the last try ended.</summary>
    internal const int Attempts = 5;

    /// <summary>A body that sends nothing for this long is taken as a dead link.</summary>
    internal static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    internal static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    public async Task DownloadAsync(string downloadPath, long size, string sha256, string finalPath, CancellationToken cancellationToken)
    {
        if (await ModelStore.MatchesAsync(finalPath, size, sha256, cancellationToken))
        {
            return; // already in place: a crash came after the move and before the state was written
        }

        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        var partial = ModelStore.PartialPath(finalPath);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await FetchAsync(downloadPath, size, partial, cancellationToken);
                break;
            }
            catch (Exception ex) when (attempt < Attempts && IsCut(ex, cancellationToken))
            {
                logger.LogWarning(
                    "The download of {Path} stopped at {Bytes} of {Size} bytes ({Reason}); resuming",
                    downloadPath, File.Exists(partial) ? new FileInfo(partial).Length : 0, size, ex.Message);
                await Task.Delay(RetryDelay * attempt, clock, cancellationToken);
            }
        }

        if (!await ModelStore.MatchesAsync(partial, size, sha256, cancellationToken))
        {
            File.Delete(partial);
            throw new ModelFileRejectedException($"the downloaded file does not match the manifest's size ({size} bytes) and SHA-256 ({sha256})");
        }

        ModelStore.Commit(partial, finalPath);
    }

    private static bool IsCut(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is HttpRequestException or IOException or OperationCanceledException;

    private async Task FetchAsync(string downloadPath, long size, string partial, CancellationToken cancellationToken)
    {
        var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        if (have > size)
        {
            File.Delete(partial);
            have = 0;
        }

        if (have == size)
        {
            return;
        }

        using var response = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, downloadPath);
            if (have > 0)
            {
                request.Headers.Range = new RangeHeaderValue(have, null);
            }

            return request;
        }, cancellationToken, HttpCompletionOption.ResponseHeadersRead);

        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            File.Delete(partial);
            throw new HttpRequestException("the platform could not resume from the partial file's length; starting over");
        }

        response.EnsureSuccessStatusCode();
        var resumed = response.StatusCode == HttpStatusCode.PartialContent;
        if (resumed && response.Content.Headers.ContentRange?.From != have)
        {
            File.Delete(partial);
            throw new HttpRequestException($"the platform answered a range from {response.Content.Headers.ContentRange?.From}, not {have}; starting over");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = new FileStream(partial, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
        await CopyAsync(body, file, resumed ? size - have : size, cancellationToken);
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        if (file.Length < size)
        {
            // A body that ended quietly but short is a cut too: resumed, not refused.
            throw new IOException($"the body ended after {file.Length} of {size} bytes");
        }
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes (a longer body is refused by the size check anyway), giving up on an idle link.</summary>
    private static async Task CopyAsync(Stream body, FileStream file, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81_920];
        long written = 0;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (written <= limit)
        {
            idle.CancelAfter(IdleLimit);
            var read = await body.ReadAsync(buffer, idle.Token);
            if (read == 0)
            {
                return;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            written += read;
        }
    }
}
