using System.Net.Http.Json;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Admin;

/// <summary>The admin surface replaces and rolls back the served state, behind its shared key.</summary>
public sealed class AdminEndpointTests
{
    [Fact]
    public async Task Refuses_a_call_without_the_key()
    {
        await using var host = await ServingHost.StartAsync();

        using var response = await host.Client.GetAsync("/v2/admin/state");

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Puts_a_state_then_rolls_it_back()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100)));
        host.Client.DefaultRequestHeaders.Add("X-Serving-Admin-Key", ServingHost.AdminKey);

        using var put = await host.Client.PutAsJsonAsync("/v2/admin/state", ServingHost.Endpoint("cancer", ("1", 80), ("2", 20)));
        Assert.Equal(200, (int)put.StatusCode);
        Assert.Equal(["1", "2"], host.State.Current.Endpoints["cancer"].Versions.Select(v => v.Model.Version));

        using var rollback = await host.Client.PostAsync("/v2/admin/rollback", null);
        Assert.Equal(200, (int)rollback.StatusCode);
        Assert.Equal(["1"], host.State.Current.Endpoints["cancer"].Versions.Select(v => v.Model.Version));
    }

    [Fact]
    public async Task Answers_a_malformed_state_with_400_and_field_errors()
    {
        await using var host = await ServingHost.StartAsync();
        host.Client.DefaultRequestHeaders.Add("X-Serving-Admin-Key", ServingHost.AdminKey);

        using var put = await host.Client.PutAsJsonAsync("/v2/admin/state", new { endpoints = new[] { new { name = "a", versions = Array.Empty<object>() } } });

        Assert.Equal(400, (int)put.StatusCode);
        Assert.Contains("endpoints[0].versions", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_policies_out_of_range_with_400_naming_them_and_keeps_serving_the_state()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("guarded", ("1", 100)));
        host.Client.DefaultRequestHeaders.Add("X-Serving-Admin-Key", ServingHost.AdminKey);
        var served = host.State.Current;
        var state = ServingHost.Endpoint("guarded", ("1", 100));
        state = state with
        {
            Endpoints = [state.Endpoints[0] with
            {
                Canary = new Platform.Contracts.Api.CanaryPolicy(1.5, 250, 60, 20),
                Drift = new Platform.Contracts.Api.DriftPolicy(0.2, 0, 200, 60),
            }],
        };

        using var put = await host.Client.PutAsJsonAsync("/v2/admin/state", state);

        Assert.Equal(400, (int)put.StatusCode);
        var body = await put.Content.ReadAsStringAsync();
        Assert.Contains("endpoints[0].canary.maxErrorRate", body, StringComparison.Ordinal);
        Assert.Contains("endpoints[0].drift.ksThreshold", body, StringComparison.Ordinal);
        Assert.DoesNotContain("endpoints[0].canary.windowSeconds", body, StringComparison.Ordinal);
        Assert.Same(served, host.State.Current);
    }
}
