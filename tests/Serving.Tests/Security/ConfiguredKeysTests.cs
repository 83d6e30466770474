using System.Net.Http.Headers;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Security;

/// <summary>Configured endpoints take Serving:InferenceKeyHashes; without any they stay open.</summary>
public sealed class ConfiguredKeysTests
{
    [Fact]
    public async Task Configured_key_hashes_guard_the_configured_endpoints()
    {
        var settings = new Dictionary<string, string?> { ["Serving:InferenceKeyHashes:0"] = ControlPlaneStates.KeyHash };
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("configured", ("1", 100)), settings: settings);

        var (without, _) = await host.Client.PostAsync("/v2/models/configured/predict", Requests.Records(TestModel.Row(0)));
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ControlPlaneStates.Key);
        var (with, _) = await host.Client.PostAsync("/v2/models/configured/predict", Requests.Records(TestModel.Row(0)));

        Assert.Equal(401, without);
        Assert.Equal(200, with);
    }

    [Fact]
    public async Task Without_key_hashes_the_configured_endpoints_stay_open()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("open", ("1", 100)));

        var (status, _) = await host.Client.PostAsync("/v2/models/open/predict", Requests.Records(TestModel.Row(0)));

        Assert.Equal(200, status);
    }
}
