using System.Net.Http.Headers;
using System.Text;
using Platform.Contracts.Api;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Security;

/// <summary>Inference on an endpoint that holds key hashes needs one of its keys; metadata and health stay open.</summary>
public sealed class InferenceAuthorizationTests : IAsyncLifetime
{
    private TestControlPlane _plane = null!;
    private ServingHost _host = null!;

    public async Task InitializeAsync()
    {
        _plane = await TestControlPlane.StartAsync();
        _plane.State = new ServingDesiredState(1,
        [
            ControlPlaneStates.Endpoint(_plane, "guarded", 1, null, null, null, (1, 100, false)),
            ControlPlaneStates.Endpoint(_plane, "other", 1, null, null, null, (1, 100, false)) with { InferenceKeyHashes = [ControlPlaneStates.Hash("psk_other-key")] },
        ]);
        _host = await ServingHost.StartAsync(settings: _plane.HostSettings(Directory.CreateTempSubdirectory("serving-cache").FullName));
        await TestControlPlane.WaitUntilAsync(() => _host.State.IsReady, "the control plane's state");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _plane.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-an-inference-key")]
    [InlineData("Bearer psk_")]
    public async Task A_request_without_a_well_formed_key_is_answered_401(string? authorization)
    {
        var (status, body, challenge) = await PredictAsync("guarded", authorization);

        Assert.Equal(401, status);
        Assert.Equal("urn:platform:problem:unauthenticated", body);
        Assert.Equal("Bearer", challenge);
    }

    [Fact]
    public async Task A_key_of_another_endpoint_is_answered_403()
    {
        var (status, body, _) = await PredictAsync("guarded", "Bearer psk_other-key");

        Assert.Equal(403, status);
        Assert.Equal("urn:platform:problem:forbidden", body);
    }

    [Fact]
    public async Task The_endpoints_key_is_answered_200_on_predict_and_infer()
    {
        var (status, _, _) = await PredictAsync("guarded", $"Bearer {ControlPlaneStates.Key}");
        using var infer = new HttpRequestMessage(HttpMethod.Post, "/v2/models/guarded/infer")
        {
            Content = new StringContent(Requests.Infer(TestModel.Row(1)).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        infer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ControlPlaneStates.Key);
        using var inferResponse = await _host.Client.SendAsync(infer);

        Assert.Equal(200, status);
        Assert.Equal(200, (int)inferResponse.StatusCode);
    }

    [Fact]
    public async Task A_key_let_in_on_a_connection_is_still_checked_against_each_endpoints_keys()
    {
        // One client, one keep-alive connection: the connection remembers the header that was let in, for that endpoint's keys only.
        var first = await PredictAsync("guarded", $"Bearer {ControlPlaneStates.Key}");
        var otherEndpoint = await PredictAsync("other", $"Bearer {ControlPlaneStates.Key}");
        var otherKey = await PredictAsync("guarded", "Bearer psk_other-key");
        var again = await PredictAsync("guarded", $"Bearer {ControlPlaneStates.Key}");

        Assert.Equal(200, first.Status);
        Assert.Equal((403, "urn:platform:problem:forbidden"), (otherEndpoint.Status, otherEndpoint.ProblemType));
        Assert.Equal((403, "urn:platform:problem:forbidden"), (otherKey.Status, otherKey.ProblemType));
        Assert.Equal(200, again.Status);
    }

    [Fact]
    public async Task Metadata_and_health_need_no_key()
    {
        Assert.Equal(200, (await Requests.GetJsonAsync(_host.Client, "/v2/models/guarded")).Status);
        Assert.Equal(200, (await Requests.GetJsonAsync(_host.Client, "/v2/health/ready")).Status);
    }

    private async Task<(int Status, string? ProblemType, string? Challenge)> PredictAsync(string endpoint, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/models/{endpoint}/predict")
        {
            Content = new StringContent(Requests.Records(TestModel.Row(0)).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _host.Client.SendAsync(request);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, body?["type"]?.GetValue<string>(), response.Headers.WwwAuthenticate.FirstOrDefault()?.Scheme);
    }
}
