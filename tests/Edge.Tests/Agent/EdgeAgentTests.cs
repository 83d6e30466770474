using Platform.Contracts.Fleet;
using Platform.Edge.Tests.Support;
using Platform.Serving.Monitoring;

namespace Platform.Edge.Tests.Agent;

/// <summary>The agent end to end against a platform on a real socket: enrol, poll, verify, download, switch, judge, report.</summary>
public sealed class EdgeAgentTests : IAsyncLifetime
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
    public async Task A_desired_model_is_downloaded_served_under_its_name_and_healthy_past_its_window()
    {
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        _platform.Want("1", _platform.Publish("scorer", 1, TinyModel.Bytes("v1"), new LocalHealthCheck(60, 5, 0.1, null)));

        await edge.PollOnceAsync();

        Assert.Equal("1", edge.ServedVersion("scorer"));
        var answer = await edge.InferAsync("scorer", 2.5f);
        Assert.True(answer.IsSuccessStatusCode, $"inference answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        Assert.Contains("2.5", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ModelOnDevice.Applied, Model(_platform.Reports.Last()).State);

        edge.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await edge.CheckHealthAsync(), "the health check should have changed the state past its window");
        await edge.PollOnceAsync();
        var reported = Model(_platform.Reports.Last());
        Assert.Equal((1, 1, ModelOnDevice.Healthy, 1L), (reported.ServingVersion, reported.Target, reported.State, reported.Inferences));
        Assert.Equal("1", _platform.Reports.Last().DesiredRevision);
    }

    [Fact]
    public async Task The_same_target_is_applied_once_and_a_second_poll_asks_with_the_etag()
    {
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        _platform.Want("1", _platform.Publish("scorer", 1, TinyModel.Bytes("v1")));

        await edge.PollOnceAsync();
        await edge.PollOnceAsync();

        Assert.Equal(new[] { null, "\"1\"" }, _platform.DesiredStateIfNoneMatch.ToArray());
        Assert.Single(_platform.FileRanges);
        Assert.Equal(ModelOnDevice.Healthy, Model(_platform.Reports.Last()).State);
        Assert.True(_platform.Reports.Select(r => r.Sequence).Zip(_platform.Reports.Skip(1).Select(r => r.Sequence)).All(p => p.First < p.Second), "report sequences must grow");
    }

    [Fact]
    public async Task A_file_whose_hash_mismatches_is_refused_and_the_previous_version_keeps_serving()
    {
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        _platform.Want("1", _platform.Publish("scorer", 1, TinyModel.Bytes("v1")));
        await edge.PollOnceAsync();

        var signedFor = TinyModel.Bytes("v2");
        _platform.Want("2", _platform.Publish("scorer", 2, TinyModel.Bytes("v2-other"), manifest: _platform.Manifest("scorer", 2, signedFor)));
        await edge.PollOnceAsync();

        Assert.Equal("1", edge.ServedVersion("scorer"));
        var reported = Model(_platform.Reports.Last());
        Assert.Equal((1, 2, ModelOnDevice.Failed), (reported.ServingVersion, reported.Target, reported.State));
        Assert.Contains("SHA-256", reported.FailureReason, StringComparison.Ordinal);

        await edge.PollOnceAsync();
        Assert.Equal(2, _platform.FileRanges.Count); // the failed version is not fetched again for the same target
    }

    [Fact]
    public async Task A_manifest_signed_by_another_key_is_refused_without_a_download_and_not_retried()
    {
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        using var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var bytes = TinyModel.Bytes("v1");
        _platform.Want("1", _platform.Publish("scorer", 1, bytes, manifest: _platform.Manifest("scorer", 1, bytes, signer: stranger)));

        await edge.PollOnceAsync();
        await edge.PollOnceAsync();

        Assert.Null(edge.ServedVersion("scorer"));
        Assert.Empty(_platform.FileRanges);
        var reported = Model(_platform.Reports.Last());
        Assert.Equal((ModelOnDevice.Failed, (int?)null), (reported.State, reported.ServingVersion));
        Assert.Contains("signature", reported.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_desired_state_naming_a_path_instead_of_a_model_touches_no_file_of_the_state_folder()
    {
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        _platform.Want("1", _platform.Publish("scorer", 1, TinyModel.Bytes("v1")));
        await edge.PollOnceAsync();
        var before = Directory.GetFiles(_state.Path, "*", SearchOption.AllDirectories).Order().ToList();

        // Only manifests are signed: a desired state with a model named "..", refused or not, must never become a path.
        var forged = _platform.Publish("scorer", 1, TinyModel.Bytes("v1")) with { Name = ".." };
        _platform.Want("2", _platform.Publish("scorer", 1, TinyModel.Bytes("v1")), forged);
        await edge.PollOnceAsync();
        _platform.Want("3", _platform.Publish("scorer", 1, TinyModel.Bytes("v1")));
        await edge.PollOnceAsync();

        Assert.Equal("1", edge.ServedVersion("scorer"));
        Assert.All(before, file => Assert.True(File.Exists(file), $"{file} was removed"));
        Assert.DoesNotContain(_platform.Reports.Last().Models!, m => m.Name == "..");
    }

    [Fact]
    public async Task A_version_that_fails_to_load_changes_nothing_and_is_reported_failed()
    {
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        _platform.Want("1", _platform.Publish("scorer", 1, TinyModel.Bytes("v1")));
        await edge.PollOnceAsync();

        _platform.Want("2", _platform.Publish("scorer", 2, "not an onnx model"u8.ToArray()));
        await edge.PollOnceAsync();

        Assert.Equal("1", edge.ServedVersion("scorer"));
        Assert.True((await edge.InferAsync("scorer")).IsSuccessStatusCode);
        var reported = Model(_platform.Reports.Last());
        Assert.Equal((1, ModelOnDevice.Failed), (reported.ServingVersion, reported.State));
        Assert.Contains("failed to load", reported.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_whose_error_rate_passes_the_limit_after_min_inferences_is_rolled_back_to_the_previous_one()
    {
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        _platform.Want("1", _platform.Publish("scorer", 1, TinyModel.Bytes("v1")));
        await edge.PollOnceAsync();
        _platform.Want("2", _platform.Publish("scorer", 2, TinyModel.Bytes("v2"), new LocalHealthCheck(300, 4, 0.25, null)));
        await edge.PollOnceAsync();
        Assert.Equal("2", edge.ServedVersion("scorer"));

        edge.Faults.Set("scorer", "2", new InjectedFault(ErrorRate: 1, AddedLatencyMs: 0));
        for (var i = 0; i < 3; i++)
        {
            await edge.InferAsync("scorer");
        }

        Assert.False(await edge.CheckHealthAsync(), "three failures are fewer than MinInferences: no verdict yet");
        await edge.InferAsync("scorer");
        Assert.True(await edge.CheckHealthAsync(), "the fourth failure reaches MinInferences and trips the check");

        Assert.Equal("1", edge.ServedVersion("scorer"));
        Assert.True((await edge.InferAsync("scorer")).IsSuccessStatusCode);
        await edge.PollOnceAsync();
        var reported = Model(_platform.Reports.Last());
        Assert.Equal((1, 2, ModelOnDevice.Failed), (reported.ServingVersion, reported.Target, reported.State));
        Assert.Contains("error rate", reported.FailureReason, StringComparison.Ordinal);
        Assert.Equal("1", edge.ServedVersion("scorer")); // and the failed version is not switched to again
    }

    private static ReportedModel Model(DeviceReport report) => Assert.Single(report.Models!);
}
