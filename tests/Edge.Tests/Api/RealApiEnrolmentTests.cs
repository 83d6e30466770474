extern alias PlatformApi;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Fleet;
using Platform.Edge.Identity;
using Platform.Edge.Tests.Support;

namespace Platform.Edge.Tests.Api;

/// <summary>The agent's enrolment and key proof against the real Api (in process, its own SQLite file), not a fake of it.</summary>
public sealed class RealApiEnrolmentTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _state = new();
    private WebApplicationFactory<PlatformApi::Program> _api = null!;

    public Task InitializeAsync()
    {
        _api = new WebApplicationFactory<PlatformApi::Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Testing")
            .UseSetting("Platform:DataDirectory", _data.Path)
            .UseSetting("Bootstrap:AdminUser", "admin")
            .UseSetting("Bootstrap:AdminPassword", "admin-password-for-tests")
            .UseSetting("RateLimits:TokenRequestsPerMinute", "100000"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _data.Dispose();
        _state.Dispose();
    }

    [Fact]
    public async Task The_agent_enrols_with_a_one_time_token_and_its_proof_of_key_gets_a_token_the_api_accepts()
    {
        var secret = await EnrolmentTokenAsync();
        await using var edge = await EdgeHost.StartAsync(new Uri("http://api.test/"), _state.Path, enrolmentToken: secret, configure: services =>
            services.AddSingleton(new PlatformConnection(CreateApiClient())));

        var device = await edge.Services.GetRequiredService<Enroller>().EnsureEnrolledAsync(CancellationToken.None);
        var token = await edge.Services.GetRequiredService<DeviceTokenSource>().GetAsync(CancellationToken.None);

        Assert.Equal("default", device.Workspace);
        Assert.NotEmpty(device.ManifestKeys);
        using var client = CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var self = await client.GetFromJsonAsync<EnrolledDevice>(FleetApi.Self, JsonSerializerOptions.Web);
        Assert.Equal((device.DeviceId, "edge-1", "plant-7"), (self!.DeviceId, self.Name, self.Labels["site"]));
    }

    private HttpClient CreateApiClient()
    {
        var client = _api.Server.CreateClient();
        client.BaseAddress = new Uri("http://api.test/");
        return client;
    }

    private async Task<string> EnrolmentTokenAsync()
    {
        using var client = _api.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "admin-password-for-tests" });
        var admin = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        var created = await client.PostAsJsonAsync("/api/v1/fleet/enrolment-tokens", new { name = "gateways" });
        Assert.True(created.IsSuccessStatusCode, $"creating the enrolment token answered {(int)created.StatusCode}");
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }
}
