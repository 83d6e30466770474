using Platform.Contracts.Fleet;
using Platform.Edge.Models;
using Platform.Edge.Tests.Support;

namespace Platform.Edge.Tests.Agent;

/// <summary>What a restart finds: a crash mid-download, or no platform at all. The device serves what it served.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private FakePlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await FakePlatform.StartAsync();

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task A_crash_mid_download_leaves_the_old_version_served_and_the_restart_resumes_the_partial_file()
    {
        var v2 = TinyModel.Bytes("v2-" + new string('x', 4_000));
        await using (var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path))
        {
            _platform.Want("1", _platform.Publish("scorer", 1, TinyModel.Bytes("v1")));
            await edge.PollOnceAsync();
        }

        // What a crash halfway through v2's download leaves: v1 in place and the first part of v2 in its partial file.
        _platform.Want("2", _platform.Publish("scorer", 2, v2));
        var manifest = Es256.Verify(_platform.Desired!.Models[0].Manifest, _platform.SigningKey)!.Value;
        var sha = manifest.GetProperty("Sha256").GetString()!;
        var folder = Path.Combine(_state.Path, "models", "scorer");
        var partial = ModelStore.PartialPath(Path.Combine(folder, $"v2-{sha[..16]}.onnx"));
        await File.WriteAllBytesAsync(partial, v2.AsSpan(0, 1_000).ToArray());
        _platform.Up = false;

        await using var restarted = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        await restarted.RestoreAsync();
        Assert.Equal("1", restarted.ServedVersion("scorer"));
        Assert.True((await restarted.InferAsync("scorer")).IsSuccessStatusCode, "the old version serves while the platform is away");
        await restarted.PollOnceAsync();
        Assert.Equal("1", restarted.ServedVersion("scorer"));

        _platform.Up = true;
        await restarted.PollOnceAsync();

        Assert.Equal("bytes=1000-", _platform.FileRanges.Last());
        Assert.Equal("2", restarted.ServedVersion("scorer"));
        Assert.Equal(ModelOnDevice.Healthy, restarted.State.Models["scorer"].State);
        Assert.Equal(1, restarted.State.Models["scorer"].Previous?.Version);
    }

    [Fact]
    public async Task On_start_without_the_platform_the_stored_model_serves_at_once()
    {
        await using (var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path))
        {
            _platform.Want("1", _platform.Publish("scorer", 1, TinyModel.Bytes("v1")));
            await edge.PollOnceAsync();
        }

        await _platform.DisposeAsync();
        _platform = await FakePlatform.StartAsync(); // another port: the old address answers nothing
        await using var offline = await EdgeHost.StartAsync(new Uri("http://127.0.0.1:9/"), _state.Path);

        await offline.RestoreAsync();
        await offline.PollOnceAsync();

        Assert.Equal("1", offline.ServedVersion("scorer"));
        Assert.True((await offline.InferAsync("scorer")).IsSuccessStatusCode);
    }
}
