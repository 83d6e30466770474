using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.Api.Tests.Deployments;
using Platform.Api.Tests.Support;
using Platform.Contracts.Fleet;

namespace Platform.Api.Tests.Fleet;

/// <summary>A device's desired state: signed manifests, 304 while unchanged, its files with Range, and only its own files.</summary>
public sealed class DeviceDesiredStateTests(DeploymentsApiFactory factory) : IClassFixture<DeploymentsApiFactory>
{
    [Fact]
    public async Task A_device_given_a_version_gets_a_signed_manifest_304_while_unchanged_and_its_file_resumes_with_range()
    {
        using var admin = await factory.AdminAsync();
        var site = FleetTestData.Unique("site");
        var model = DeploymentsApiFactory.NewName("camera");
        var version = await factory.VersionAsync(model);
        using var device = factory.NewDevice();
        var enrolled = await device.EnrolledAsync(await admin.EnrolmentTokenAsync(new { site }), FleetTestData.Unique("cam"));
        using var client = await device.ClientAsync();
        var empty = await client.GetAsync(FleetApi.DesiredState);
        Assert.Empty((await empty.ExpectAsync(200))["models"]!.AsArray());

        await (await admin.PostJsonAsync("/api/v1/fleet/rollouts", new { model, version, selector = $"site={site}", waves = new[] { new { percent = 100 } } })).ExpectAsync(201);
        var desired = await WaitForModelAsync(client, empty.Headers.ETag!);

        var manifestKey = enrolled["manifestKeys"]![0]!["key"].Deserialize<DeviceJwk>(Json.Options);
        using var trusted = Es256.Import(manifestKey)!;
        var manifest = Es256.Verify(desired.State.Models[0].Manifest, trusted)!.Value.Deserialize<ModelManifest>(Json.Options)!;
        Assert.Equal((model, version, device.Id), (manifest.Model, manifest.Version, manifest.DeviceId));
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Null(Es256.Verify(desired.State.Models[0].Manifest, stranger));

        using var again = new HttpRequestMessage(HttpMethod.Get, FleetApi.DesiredState);
        again.Headers.IfNoneMatch.Add(desired.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        var whole = await (await client.GetAsync(manifest.DownloadPath)).Content.ReadAsByteArrayAsync();
        using var rest = new HttpRequestMessage(HttpMethod.Get, manifest.DownloadPath);
        var cut = whole.Length / 2;
        rest.Headers.Range = new RangeHeaderValue(cut, null);
        using var partial = await client.SendAsync(rest);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        var resumed = whole[..cut].Concat(await partial.Content.ReadAsByteArrayAsync()).ToArray();
        Assert.Equal((manifest.SizeBytes, manifest.Sha256), (resumed.LongLength, Convert.ToHexStringLower(SHA256.HashData(resumed))));
    }

    [Fact]
    public async Task A_device_gets_no_file_it_is_not_sent_and_a_person_gets_no_desired_state()
    {
        using var admin = await factory.AdminAsync();
        var model = DeploymentsApiFactory.NewName("other");
        var version = await factory.VersionAsync(model);
        using var device = factory.NewDevice();
        await device.EnrolledAsync(await admin.EnrolmentTokenAsync(), FleetTestData.Unique("cam"));
        using var client = await device.ClientAsync();

        await (await client.GetAsync(FleetApi.ModelFile(model, version))).ExpectAsync(404);
        await (await admin.GetAsync(FleetApi.DesiredState)).ExpectAsync(403);
        await (await client.PostJsonAsync(FleetApi.Report, new { sequence = 0, models = new[] { new { name = "", target = -1, errors = 5, inferences = 1 } } })).ExpectAsync(400);
    }

    private static async Task<(DeviceDesiredState State, EntityTagHeaderValue ETag)> WaitForModelAsync(HttpClient client, EntityTagHeaderValue before)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await client.GetAsync(FleetApi.DesiredState);
            var state = (await response.ExpectAsync(200)).Deserialize<DeviceDesiredState>(Json.Options)!;
            if (state.Models.Count > 0)
            {
                Assert.NotEqual(before, response.Headers.ETag);
                return (state, response.Headers.ETag!);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The rollout never gave the device its version.");
    }
}
