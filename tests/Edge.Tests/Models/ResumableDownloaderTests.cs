using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Platform.Edge.Models;
using Platform.Edge.Tests.Support;

namespace Platform.Edge.Tests.Models;

/// <summary>Downloads over a real socket that the server cuts halfway: resumed with Range, checked by SHA-256, moved into place whole.</summary>
public sealed class ResumableDownloaderTests : IAsyncLifetime
{
    private static readonly byte[] File = RandomNumberGenerator.GetBytes(300_000);
    private readonly TempDirectory _state = new();
    private FakePlatform _platform = null!;
    private EdgeHost _edge = null!;

    public async Task InitializeAsync()
    {
        _platform = await FakePlatform.StartAsync();
        _platform.Publish("scorer", 1, File);
        _edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);
    }

    public async Task DisposeAsync()
    {
        await _edge.DisposeAsync();
        await _platform.DisposeAsync();
        _state.Dispose();
    }

    private string Target => Path.Combine(_state.Path, "models", "scorer", "v1.onnx");

    private static string Sha => Convert.ToHexStringLower(SHA256.HashData(File));

    [Fact]
    public async Task A_download_cut_halfway_resumes_with_a_range_request_and_the_whole_file_matches()
    {
        _platform.CutNextFileAfter = 120_000;

        await DownloadAsync(Sha);

        var ranges = _platform.FileRanges.ToArray();
        Assert.Equal(2, ranges.Length);
        Assert.Equal("", ranges[0]);
        Assert.Matches(@"^bytes=\d+-$", ranges[1]);
        Assert.InRange(long.Parse(ranges[1][6..^1], System.Globalization.CultureInfo.InvariantCulture), 1, 120_000);
        Assert.Equal(Sha, Convert.ToHexStringLower(SHA256.HashData(await System.IO.File.ReadAllBytesAsync(Target))));
        Assert.False(System.IO.File.Exists(ModelStore.PartialPath(Target)), "the partial file should have been moved into place");
    }

    [Fact]
    public async Task A_server_that_answers_a_range_with_the_whole_file_makes_the_download_start_over()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await System.IO.File.WriteAllBytesAsync(ModelStore.PartialPath(Target), File.AsSpan(0, 50_000).ToArray());
        _platform.IgnoreRange = true;

        await DownloadAsync(Sha);

        Assert.Equal("bytes=50000-", Assert.Single(_platform.FileRanges));
        Assert.Equal(File, await System.IO.File.ReadAllBytesAsync(Target));
    }

    [Fact]
    public async Task A_file_whose_hash_does_not_match_is_refused_deleted_and_never_put_in_place()
    {
        var wrong = Convert.ToHexStringLower(SHA256.HashData("something else"u8));

        var refused = await Assert.ThrowsAsync<ModelFileRejectedException>(() => DownloadAsync(wrong));

        Assert.Contains(wrong, refused.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(Target), "a file that does not match must not be put in place");
        Assert.False(System.IO.File.Exists(ModelStore.PartialPath(Target)), "nor kept to resume from");
    }

    private Task DownloadAsync(string sha) =>
        _edge.Services.GetRequiredService<ResumableDownloader>().DownloadAsync(
            Contracts.Fleet.FleetApi.ModelFile("scorer", 1), File.Length, sha, Target, CancellationToken.None);
}
