using Platform.Serving.State;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.State;

/// <summary>Replacing the served versions under load answers every request; old sessions go once drained.</summary>
public sealed class HotSwapTests
{
    private const int Requests = 2_000;
    private const int Swaps = 6;

    [Fact]
    public async Task Swaps_and_rollbacks_under_load_drop_no_request()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100)), maxBatchSize: 16, maxBatchDelayMilliseconds: 0.2);
        var body = Support.Requests.Records(TestModel.Row(3));
        var sent = 0;
        var swaps = 0;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        var load = Parallel.ForAsync(0, 16, async (_, _) =>
        {
            while (Interlocked.Increment(ref sent) <= Requests || Volatile.Read(ref swaps) < Swaps)
            {
                var (status, response) = await host.Client.PostAsync("/v2/models/cancer/predict", body);
                if (status != 200)
                {
                    failures.Add($"{status} {response}");
                }
            }
        });
        var swapper = Task.Run(async () =>
        {
            for (var i = 0; i < Swaps; i++)
            {
                if (i % 3 == 2)
                {
                    await host.State.RollbackAsync(CancellationToken.None);
                }
                else
                {
                    await host.State.ApplyAsync(ServingHost.Endpoint("cancer", ("1", 50), ($"{i + 2}", 50)), CancellationToken.None);
                }

                Interlocked.Increment(ref swaps);
            }
        });
        await Task.WhenAll(load, swapper);

        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} requests failed, e.g. {failures.FirstOrDefault()}");
        Assert.True(sent >= Requests, $"only {sent} requests were sent");
    }

    [Fact]
    public async Task A_version_swapped_out_is_unloaded_once_its_requests_are_done()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100)));
        var old = host.State.Current.Endpoints["cancer"].Versions[0].Model;

        await host.State.ApplyAsync(ServingHost.Endpoint("cancer", ("2", 100)), CancellationToken.None);

        await old.Unloaded.WaitAsync(TimeSpan.FromSeconds(30));
        var (status, response) = await host.Client.PostAsync("/v2/models/cancer/predict", Support.Requests.Records(TestModel.Row(0)));
        Assert.Equal(200, status);
        Assert.Equal("2", response["model_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Changing_only_weights_keeps_the_loaded_sessions()
    {
        var first = ServingHost.Endpoint("cancer", ("1", 100), ("2", 0));
        await using var host = await ServingHost.StartAsync(first);
        var before = host.State.Current.Endpoints["cancer"].Versions.Select(v => v.Model).ToArray();
        var reweighted = first with { Endpoints = [first.Endpoints[0] with { Versions = [first.Endpoints[0].Versions[0] with { Weight = 90 }, first.Endpoints[0].Versions[1] with { Weight = 10 }] }] };

        await host.State.ApplyAsync(reweighted, CancellationToken.None);

        var after = host.State.Current.Endpoints["cancer"].Versions;
        Assert.Same(before[0], after[0].Model);
        Assert.Same(before[1], after[1].Model);
        Assert.Equal([90, 10], after.Select(v => v.Weight));
    }

    [Fact]
    public async Task Rollback_returns_to_the_previous_state_in_one_step()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100)));
        Assert.False(await host.State.RollbackAsync(CancellationToken.None));
        await host.State.ApplyAsync(ServingHost.Endpoint("cancer", ("1", 90), ("2", 10)), CancellationToken.None);

        Assert.True(await host.State.RollbackAsync(CancellationToken.None));

        Assert.Equal(["1"], host.State.Current.Endpoints["cancer"].Versions.Select(v => v.Model.Version));
        Assert.Equal(["1", "2"], host.State.Previous!.Endpoints[0].Versions.Select(v => v.Version));
    }

    [Fact]
    public async Task A_state_whose_model_cannot_be_read_changes_nothing()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100)));
        var before = host.State.Current;
        var broken = new DesiredServingState
        {
            Endpoints = [new EndpointSpec { Name = "cancer", Versions = [new VersionSpec { Version = "2", ModelPath = "/nonexistent/model.onnx" }] }],
        };

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => host.State.ApplyAsync(broken, CancellationToken.None));

        Assert.Same(before, host.State.Current);
    }

    [Fact]
    public async Task A_malformed_state_is_rejected_with_the_fields_at_fault()
    {
        await using var host = await ServingHost.StartAsync();
        var bad = new DesiredServingState
        {
            Endpoints = [new EndpointSpec { Name = "bad name", Versions = [new VersionSpec { Version = "1", ModelPath = "m.onnx", Weight = -1 }] }],
        };

        var error = await Assert.ThrowsAsync<InvalidDesiredStateException>(() => host.State.ApplyAsync(bad, CancellationToken.None));

        Assert.Contains("endpoints[0].name", error.Errors.Keys);
        Assert.Contains("endpoints[0].versions[0].weight", error.Errors.Keys);
    }
}
