using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Fleet;

/// <summary>A device enrols once with a one-time token and its own key, then proves the key for its tokens (ADR-008).</summary>
public sealed class DeviceEnrolmentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_device_enrols_with_a_one_time_token_gets_its_labels_and_the_manifest_keys_and_a_second_use_is_refused()
    {
        using var admin = await factory.AdminAsync();
        var secret = await admin.EnrolmentTokenAsync(new { site = "plant-7" });
        using var device = factory.NewDevice();
        var name = FleetTestData.Unique("gw");

        var enrolled = await device.EnrolledAsync(secret, name, new { region = "eu-west", site = "plant-1" });

        Assert.Equal(("default", name, "Provisioned"), (enrolled.Text("workspace"), enrolled.Text("name"), enrolled.Text("state")));
        Assert.Equal(("eu-west", "plant-7"), (enrolled["labels"]!.Text("region"), enrolled["labels"]!.Text("site")));
        Assert.Equal("P-256", enrolled["manifestKeys"]![0]!["key"]!.Text("crv"));
        var repeated = await (await device.EnrolAsync(secret, name)).ExpectAsync(200);
        Assert.Equal(device.Id.ToString(), repeated.Text("deviceId"));

        using var thief = factory.NewDevice();
        var refused = await (await thief.EnrolAsync(secret, FleetTestData.Unique("gw"))).ExpectAsync(409);
        Assert.Equal("enrolment.used", refused.Text("code"));
        await (await thief.EnrolAsync("pet_made-up", "gw")).ExpectAsync(401);

        var listed = await (await admin.GetAsync("/api/v1/fleet/enrolment-tokens?limit=500")).ExpectAsync(200);
        Assert.Contains(listed["items"]!.AsArray(), t => t!.Text("status") == "used" && t!.Text("deviceId") == device.Id.ToString());
        Assert.DoesNotContain(secret, listed.ToJsonString());
    }

    [Fact]
    public async Task A_batch_of_enrolment_tokens_gives_each_device_its_own_one_time_token_and_bad_counts_get_400()
    {
        using var admin = await factory.AdminAsync();
        var site = FleetTestData.Unique("line");
        var batch = await (await admin.PostJsonAsync("/api/v1/fleet/enrolment-tokens/batch", new { name = "line 4", labels = new { site }, count = 3 })).ExpectAsync(201);
        var secrets = batch["tokens"]!.AsArray().Select(t => t!.Text("secret")).ToList();
        Assert.Equal(3, secrets.Distinct().Count());

        var devices = secrets.Select(_ => factory.NewDevice()).ToList();
        for (var i = 0; i < secrets.Count; i++)
        {
            var enrolled = await devices[i].EnrolledAsync(secrets[i], FleetTestData.Unique("cam"));
            Assert.Equal(site, enrolled["labels"]!.Text("site"));
        }

        using var another = factory.NewDevice();
        Assert.Equal("enrolment.used", (await (await another.EnrolAsync(secrets[1], "again")).ExpectAsync(409)).Text("code"));
        var listed = await (await admin.GetAsync($"/api/v1/fleet/devices?selector=site%3D{site}")).ExpectAsync(200);
        Assert.Equal(3, listed["items"]!.AsArray().Count);
        foreach (var count in new object?[] { 0, 1001, null })
        {
            var refused = await (await admin.PostJsonAsync("/api/v1/fleet/enrolment-tokens/batch", new { name = "line 4", count })).ExpectAsync(400);
            Assert.Contains("count", refused["errors"]!.AsObject().Select(e => e.Key));
        }

        devices.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task A_device_proves_its_key_for_a_token_that_says_who_it_is_and_becomes_active()
    {
        using var admin = await factory.AdminAsync();
        using var device = factory.NewDevice();
        await device.EnrolledAsync(await admin.EnrolmentTokenAsync(), FleetTestData.Unique("gw"));

        using var client = await device.ClientAsync();
        var self = await (await client.GetAsync("/api/v1/fleet/device")).ExpectAsync(200);

        Assert.Equal(device.Id.ToString(), self.Text("deviceId"));
        var listed = await (await admin.GetAsync($"/api/v1/fleet/devices/{device.Id}")).ExpectAsync(200);
        Assert.Equal(("Active", true), (listed.Text("state"), listed["hasCredential"]!.GetValue<bool>()));
        Assert.NotNull(listed["lastSeenAt"]);
    }

    [Fact]
    public async Task An_assertion_replayed_expired_for_another_audience_or_signed_by_another_key_gets_no_token()
    {
        using var admin = await factory.AdminAsync();
        using var device = factory.NewDevice();
        await device.EnrolledAsync(await admin.EnrolmentTokenAsync(), FleetTestData.Unique("gw"));
        using var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var once = device.Assertion();
        await (await device.TokenResponseAsync(once)).ExpectAsync(200);

        string[] bad =
        [
            once,
            device.Assertion(issuedAt: DateTimeOffset.UtcNow.AddMinutes(-10)),
            device.Assertion(lifetime: TimeSpan.FromMinutes(30)),
            device.Assertion(audience: "/api/v1/auth/token"),
            device.Assertion(signer: stranger),
            "not.a.jws",
        ];
        foreach (var assertion in bad)
        {
            await (await device.TokenResponseAsync(assertion)).ExpectAsync(401);
        }
    }

    [Fact]
    public async Task A_device_enrolled_in_a_workspace_lives_there_only_and_its_token_finds_no_other()
    {
        using var admin = await factory.AdminAsync();
        var space = FleetTestData.Unique("fleet");
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = space })).ExpectAsync(201);
        using var device = factory.NewDevice();
        var enrolled = await device.EnrolledAsync(await admin.EnrolmentTokenAsync(prefix: $"/api/v1/workspaces/{space}"), FleetTestData.Unique("gw"));

        Assert.Equal(space, enrolled.Text("workspace"));
        var there = await (await admin.GetAsync($"/api/v1/workspaces/{space}/fleet/devices")).ExpectAsync(200);
        Assert.Single(there["items"]!.AsArray());
        var home = await (await admin.GetAsync("/api/v1/fleet/devices?limit=500")).ExpectAsync(200);
        Assert.DoesNotContain(home["items"]!.AsArray(), d => d!.Text("id") == device.Id.ToString());

        using var client = await device.ClientAsync();
        await (await client.GetAsync("/api/v1/workspaces/default/experiments")).ExpectAsync(404);
        await (await client.GetAsync($"/api/v1/workspaces/{space}/fleet/devices")).ExpectAsync(403);
        await (await client.GetAsync("/api/v1/experiments")).ExpectAsync(403);
    }
}
