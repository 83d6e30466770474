extern alias PlatformApi;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Fleet;
using Platform.Edge.Tests.Support;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// The real Api in process (its own SQLite file and artefact folder), an admin signed in, and sites enrolled as fleet
/// devices, each with its own P-256 key and device token: what the federated tests run against. Given
/// <see cref="CapturedLogs"/>, the Api also logs everything (Trace and up, whatever its settings filter) to them.
/// </summary>
public sealed class FederatedPlatform : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly CapturedLogs? _logs;
    private WebApplicationFactory<PlatformApi::Program> _api;

    public FederatedPlatform(CapturedLogs? logs = null)
    {
        _logs = logs;
        _api = Start();
    }

    /// <summary>Stops the Api and starts it again on the same data folder, as a restarted server would.</summary>
    public async Task RestartAsync()
    {
        await _api.DisposeAsync();
        _api = Start();
    }

    /// <summary>
    /// A site's way of sending that survives <see cref="RestartAsync"/>: each call goes to the Api running now, with the
    /// bearer token of <paramref name="enrolled"/> (its device token, valid across the restart).
    /// </summary>
    public Func<Func<HttpRequestMessage>, CancellationToken, Task<HttpResponseMessage>> SenderFor(HttpClient enrolled) => (build, ct) =>
    {
        var request = build();
        request.Headers.Authorization = enrolled.DefaultRequestHeaders.Authorization;
        return Client().SendAsync(request, ct);
    };

    private WebApplicationFactory<PlatformApi::Program> Start() =>
        new WebApplicationFactory<PlatformApi::Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Testing")
            .UseSetting("Platform:DataDirectory", _data.Path)
            .UseSetting("Bootstrap:AdminUser", "admin")
            .UseSetting("Bootstrap:AdminPassword", "admin-password-for-tests")
            .UseSetting("Fleet:RolloutTickMilliseconds", "100")
            .UseSetting("RateLimits:TokenRequestsPerMinute", "100000")
            .ConfigureLogging(logging =>
            {
                if (_logs is not null)
                {
                    // A rule for this provider alone beats the settings' per-category levels (Warning for EF Core and ASP.NET Core).
                    logging.AddProvider(_logs).AddFilter<CapturedLogs>(null, LogLevel.Trace);
                }
            }));

    public string DataDirectory => _data.Path;

    /// <summary>The Api's services, for tests that look at what the server stores.</summary>
    public IServiceProvider Services => _api.Services;

    public HttpClient Client()
    {
        var client = _api.Server.CreateClient();
        client.BaseAddress = new Uri("http://api.test/");
        return client;
    }

    public async Task<HttpClient> AdminAsync()
    {
        var client = Client();
        var login = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "admin-password-for-tests" });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Enrols <paramref name="count"/> devices with <paramref name="labels"/>, each proving its own key for its token.</summary>
    public async Task<IReadOnlyList<(Guid Id, HttpClient Client)>> EnrolAsync(HttpClient admin, int count, object? labels = null)
    {
        var batch = await (await admin.PostAsJsonAsync("/api/v1/fleet/enrolment-tokens/batch", new { name = "sites", labels, count })).ExpectAsync();
        var secrets = batch.GetProperty("tokens").EnumerateArray().Select(t => t.GetProperty("secret").GetString()!).ToList();
        var sites = new List<(Guid, HttpClient)>();
        foreach (var (secret, i) in secrets.Select((s, i) => (s, i)))
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var anonymous = Client();
            var enrolled = await (await anonymous.PostAsJsonAsync(FleetApi.Enrol, new { token = secret, name = $"site-{i:000}-{Guid.NewGuid():N}"[..20], publicKey = Es256.PublicJwk(key) })).ExpectAsync();
            var id = enrolled.GetProperty("deviceId").GetGuid();
            var now = DateTimeOffset.UtcNow;
            var assertion = Es256.Sign(key, new Dictionary<string, object>
            {
                ["iss"] = id.ToString(), ["sub"] = id.ToString(), ["aud"] = FleetApi.TokenAudience(id), ["iat"] = now.ToUnixTimeSeconds(),
                ["exp"] = now.AddMinutes(2).ToUnixTimeSeconds(), ["jti"] = Guid.NewGuid().ToString(),
            });
            var token = await (await anonymous.PostAsJsonAsync(FleetApi.Token(id), new { assertion })).ExpectAsync();
            var client = Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            sites.Add((id, client));
        }

        return sites;
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        _data.Dispose();
    }
}

internal static class FederatedHttp
{
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, int status = 0)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == 0 ? response.IsSuccessStatusCode : (int)response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>A site's way of sending, as the agent's: each call built anew, with the client's bearer token.</summary>
    public static Func<Func<HttpRequestMessage>, CancellationToken, Task<HttpResponseMessage>> Sender(this HttpClient client) =>
        (build, ct) => client.SendAsync(build(), ct);
}
