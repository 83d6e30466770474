using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Routing;

/// <summary>Traffic splits across an endpoint's versions by weight.</summary>
public sealed class WeightedRoutingTests
{
    private const int Requests = 2_000;

    [Fact]
    public async Task A_canary_at_10_percent_gets_its_share_of_2000_requests_within_4_sigma()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 90), ("2", 10)));
        var body = Support.Requests.Records(TestModel.Row(0));
        var versions = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Parallel.ForAsync(0, Requests, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
        {
            var (status, response) = await host.Client.PostAsync("/v2/models/cancer/predict", body);
            Assert.Equal(200, status);
            versions.Add(response["model_version"]!.GetValue<string>());
        });

        var canary = versions.Count(v => v == "2");
        var expected = Requests * 0.1;
        var sigma = Math.Sqrt(Requests * 0.1 * 0.9);
        Assert.Equal(Requests, versions.Count);
        Assert.True(Math.Abs(canary - expected) <= 4 * sigma, $"v2 answered {canary} of {Requests}; expected {expected} ± {4 * sigma:F0}");
    }

    [Fact]
    public async Task A_named_version_is_answered_by_that_version_only()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100), ("2", 0)));

        var (status, response) = await host.Client.PostAsync("/v2/models/cancer/versions/2/infer", Support.Requests.Infer(TestModel.Row(1)));

        Assert.Equal(200, status);
        Assert.Equal("2", response["model_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Weights_map_tickets_to_versions_by_cumulative_ranges()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 90), ("2", 10)));
        var endpoint = host.State.Current.Endpoints["cancer"];

        Assert.Equal("1", endpoint.Pick(0).Version);
        Assert.Equal("1", endpoint.Pick(89).Version);
        Assert.Equal("2", endpoint.Pick(90).Version);
        Assert.Equal("2", endpoint.Pick(99).Version);
    }
}
