using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Edge.Tests.Support;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// What the federated journey takes a model to: a device running the real edge agent (<see cref="EdgeHost"/>, labelled
/// <c>site=plant-7</c>) enrolled with the in-process Api, a rollout driven until it ends, inference on the device, and a
/// signed-in user of a given role for the approval.
/// </summary>
internal static class ServingDevice
{
    /// <summary>An agent on <paramref name="stateDirectory"/>, enrolled with a one-time token from <paramref name="admin"/> and polled once.</summary>
    public static async Task<EdgeHost> StartAsync(FederatedPlatform platform, HttpClient admin, string stateDirectory)
    {
        var token = await (await admin.PostAsJsonAsync("/api/v1/fleet/enrolment-tokens", new { name = "inference" })).ExpectAsync();
        var device = await EdgeHost.StartAsync(new Uri("http://api.test/"), stateDirectory, enrolmentToken: token.GetProperty("secret").GetString(),
            configure: services => services.AddSingleton(new PlatformConnection(platform.Client())));
        await device.PollOnceAsync();
        return device;
    }

    /// <summary>Lets the agent poll, check its health and report until the rollout has ended (the Api's driver ticks meanwhile); answers it.</summary>
    public static async Task<JsonElement> DriveRolloutAsync(EdgeHost device, HttpClient admin, Guid rollout)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < until)
        {
            await device.PollOnceAsync();
            await device.CheckHealthAsync();
            var state = await (await admin.GetAsync($"/api/v1/fleet/rollouts/{rollout}")).ExpectAsync();
            if (state.GetProperty("state").GetString() is not ("Running" or "AwaitingApproval"))
            {
                return state;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Rollout {rollout} did not end within 30 s.");
    }

    /// <summary>The labels the device's served model gives <paramref name="rows"/> (Open Inference Protocol, <c>features</c> [N, F]).</summary>
    public static async Task<long[]> InferAsync(EdgeHost device, string model, float[][] rows)
    {
        var request = new
        {
            inputs = new[] { new { name = "features", shape = new[] { rows.Length, rows[0].Length }, datatype = "FP32", data = rows.SelectMany(r => r).ToArray() } },
        };
        var answer = await (await device.Client.PostAsJsonAsync($"/v2/models/{model}/infer", request)).ExpectAsync();
        var label = answer.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "label");
        return [.. label.GetProperty("data").EnumerateArray().Select(v => v.GetInt64())];
    }

    /// <summary>A new user holding <paramref name="role"/>, signed in.</summary>
    public static async Task<HttpClient> UserAsync(FederatedPlatform platform, HttpClient admin, string role)
    {
        var (name, password) = ($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..16], "a-long-enough-password");
        await (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password, roles = new[] { role } })).ExpectAsync();
        var client = platform.Client();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password })).ExpectAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }
}
