using System.Security.Cryptography;
using Platform.Api.Tests.Support;
using Platform.Contracts.Fleet;

namespace Platform.Api.Tests.Fleet;

/// <summary>Suspending, revoking and decommissioning stop a device at once; a rotated key ends the old key's tokens.</summary>
public sealed class DeviceCredentialTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_suspended_device_is_refused_on_its_next_call_and_resumed_it_works_again()
    {
        using var admin = await factory.AdminAsync();
        using var device = factory.NewDevice();
        await device.EnrolledAsync(await admin.EnrolmentTokenAsync(), FleetTestData.Unique("gw"));
        using var client = await device.ClientAsync();
        await (await client.GetAsync(FleetApi.Self)).ExpectAsync(200);

        await (await admin.PostAsync($"/api/v1/fleet/devices/{device.Id}/suspend", null)).ExpectAsync(200);

        await (await client.GetAsync(FleetApi.Self)).ExpectAsync(401);
        await (await device.TokenResponseAsync()).ExpectAsync(401);
        await (await admin.PostAsync($"/api/v1/fleet/devices/{device.Id}/resume", null)).ExpectAsync(200);
        await (await client.GetAsync(FleetApi.Self)).ExpectAsync(401);
        using var again = await device.ClientAsync();
        await (await again.GetAsync(FleetApi.Self)).ExpectAsync(200);
    }

    [Fact]
    public async Task A_revoked_or_decommissioned_device_is_refused_and_its_record_and_audit_trail_stay()
    {
        using var admin = await factory.AdminAsync();
        using var revoked = factory.NewDevice();
        using var retired = factory.NewDevice();
        await revoked.EnrolledAsync(await admin.EnrolmentTokenAsync(), FleetTestData.Unique("gw"));
        await retired.EnrolledAsync(await admin.EnrolmentTokenAsync(), FleetTestData.Unique("gw"));
        using var revokedClient = await revoked.ClientAsync();
        using var retiredClient = await retired.ClientAsync();

        var afterRevoke = await (await admin.PostAsync($"/api/v1/fleet/devices/{revoked.Id}/revoke", null)).ExpectAsync(200);
        var afterRetire = await (await admin.PostAsync($"/api/v1/fleet/devices/{retired.Id}/decommission", null)).ExpectAsync(200);

        await (await revokedClient.GetAsync(FleetApi.Self)).ExpectAsync(401);
        await (await retiredClient.GetAsync(FleetApi.Self)).ExpectAsync(401);
        await (await revoked.TokenResponseAsync()).ExpectAsync(401);
        Assert.False(afterRevoke["hasCredential"]!.GetValue<bool>());
        Assert.Equal("Decommissioned", afterRetire.Text("state"));
        var again = await (await admin.PostAsync($"/api/v1/fleet/devices/{retired.Id}/decommission", null)).ExpectAsync(409);
        Assert.Equal("device.state", again.Text("code"));
        var trail = await (await admin.GetAsync("/api/v1/audit?limit=500")).ExpectAsync(200);
        var actions = trail["items"]!.AsArray().Where(e => e!["entityId"]?.GetValue<string>() == retired.Id.ToString()).Select(e => e!.Text("action")).ToList();
        Assert.Contains("EnrolDevice", actions);
        Assert.Contains("DecommissionDevice", actions);
    }

    [Fact]
    public async Task A_rotated_key_ends_the_old_keys_tokens_and_only_the_new_key_gets_new_ones()
    {
        using var admin = await factory.AdminAsync();
        using var device = factory.NewDevice();
        await device.EnrolledAsync(await admin.EnrolmentTokenAsync(), FleetTestData.Unique("gw"));
        using var client = await device.ClientAsync();
        var next = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var (newKey, thumbprint) = (Es256.PublicJwk(next), Es256.Thumbprint(Es256.PublicJwk(next)));
        var vouched = () => device.Assertion(audience: FleetApi.Key, jkt: thumbprint);
        var unproven = await client.PutJsonAsync(FleetApi.Key, new { publicKey = newKey, assertion = device.Assertion(audience: FleetApi.Key), currentKeyAssertion = vouched() });
        await unproven.ExpectAsync(401);
        // A stolen bearer token and a key of the thief's own: nothing signed by the device's current key vouches for it.
        var stolen = await client.PutJsonAsync(FleetApi.Key, new { publicKey = newKey, assertion = device.Assertion(audience: FleetApi.Key, signer: next) });
        Assert.Contains("currentKeyAssertion", (await stolen.ExpectAsync(400))["errors"]!.AsObject().Select(e => e.Key));
        var selfVouched = device.Assertion(audience: FleetApi.Key, signer: next, jkt: thumbprint);
        await (await client.PutJsonAsync(FleetApi.Key, new { publicKey = newKey, assertion = device.Assertion(audience: FleetApi.Key, signer: next), currentKeyAssertion = selfVouched })).ExpectAsync(401);
        var otherKey = device.Assertion(audience: FleetApi.Key, jkt: Es256.Thumbprint(device.PublicKey));
        await (await client.PutJsonAsync(FleetApi.Key, new { publicKey = newKey, assertion = device.Assertion(audience: FleetApi.Key, signer: next), currentKeyAssertion = otherKey })).ExpectAsync(401);
        var rotated = await (await client.PutJsonAsync(FleetApi.Key, new { publicKey = newKey, assertion = device.Assertion(audience: FleetApi.Key, signer: next), currentKeyAssertion = vouched() })).ExpectAsync(200);

        Assert.Equal(2, rotated["credentialVersion"]!.GetValue<int>());
        await (await client.GetAsync(FleetApi.Self)).ExpectAsync(401);
        await (await device.TokenResponseAsync()).ExpectAsync(401);
        device.Replace(next);
        using var renewed = await device.ClientAsync();
        await (await renewed.GetAsync(FleetApi.Self)).ExpectAsync(200);
    }
}
