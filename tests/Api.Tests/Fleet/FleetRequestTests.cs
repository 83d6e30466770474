using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Fleet;

/// <summary>Who may manage the fleet, groups as selectors over labels, and bad input named field by field.</summary>
public sealed class FleetRequestTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Devices_are_listed_by_the_selector_their_labels_meet()
    {
        using var admin = await factory.AdminAsync();
        var space = FleetTestData.Unique("sel");
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = space })).ExpectAsync(201);
        var prefix = $"/api/v1/workspaces/{space}";
        (string Name, object Labels)[] fleet =
        [
            ("a", new { region = "eu-west", hw = "jetson" }), ("b", new { region = "eu-west", hw = "rpi", legacy = "yes" }), ("c", new { region = "us-east", hw = "jetson" }),
        ];
        foreach (var (name, labels) in fleet)
        {
            using var device = factory.NewDevice();
            await device.EnrolledAsync(await admin.EnrolmentTokenAsync(prefix: prefix), name, labels);
        }

        async Task<string> Names(string selector) => string.Join(",",
            (await (await admin.GetAsync($"{prefix}/fleet/devices?selector={Uri.EscapeDataString(selector)}")).ExpectAsync(200))["items"]!.AsArray().Select(d => d!.Text("name")));

        Assert.Equal("a,b", await Names("region=eu-west"));
        Assert.Equal("a,c", await Names("hw in (jetson,x86)"));
        Assert.Equal("a,c", await Names("!legacy"));
        Assert.Equal("b", await Names("region!=us-east,hw notin (jetson)"));
        Assert.Equal("a,b,c", await Names(""));
        var page = await (await admin.GetAsync($"{prefix}/fleet/devices?limit=2")).ExpectAsync(200);
        var rest = await (await admin.GetAsync($"{prefix}/fleet/devices?limit=2&cursor={page.Text("nextCursor")}")).ExpectAsync(200);
        Assert.Equal("c", rest["items"]![0]!.Text("name"));
    }

    [Fact]
    public async Task Only_operators_manage_the_fleet_and_viewers_read_it()
    {
        using var viewer = await factory.UserAsync("Viewer");
        using var operatorClient = await factory.UserAsync("Operator");

        await (await viewer.PostJsonAsync("/api/v1/fleet/enrolment-tokens", new { name = "x" })).ExpectAsync(403);
        await (await viewer.PostJsonAsync("/api/v1/fleet/enrolment-tokens/batch", new { name = "x", count = 2 })).ExpectAsync(403);
        await (await viewer.GetAsync("/api/v1/fleet/devices")).ExpectAsync(200);
        await (await viewer.PostAsync($"/api/v1/fleet/devices/{Guid.NewGuid()}/suspend", null)).ExpectAsync(403);
        await operatorClient.EnrolmentTokenAsync();
    }

    [Fact]
    public async Task Bad_labels_keys_selectors_and_expiries_get_400_naming_the_field()
    {
        using var admin = await factory.AdminAsync();
        using var device = factory.NewDevice();
        var secret = await admin.EnrolmentTokenAsync();

        var labels = await (await admin.PostJsonAsync("/api/v1/fleet/enrolment-tokens", new { name = "x", labels = new Dictionary<string, string> { ["Region"] = "eu" }, expiresInHours = 0 })).ExpectAsync(400);
        Assert.Contains("labels[Region]", labels["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("expiresInHours", labels["errors"]!.AsObject().Select(e => e.Key));
        using var anonymous = factory.CreateClient();
        var key = await (await anonymous.PostJsonAsync("/api/v1/fleet/enrol", new { token = secret, name = "gw", publicKey = new { kty = "EC", crv = "P-256", x = "AAAA", y = "AAAA" } })).ExpectAsync(400);
        Assert.Contains("publicKey", key["errors"]!.AsObject().Select(e => e.Key));
        var offCurve = new { kty = "EC", crv = "P-256", x = new string('A', 43), y = new string('A', 43) };
        await (await anonymous.PostJsonAsync("/api/v1/fleet/enrol", new { token = secret, name = "gw", publicKey = offCurve })).ExpectAsync(400);
        var badLabel = await (await device.EnrolAsync(secret, "gw", new Dictionary<string, string> { ["site"] = "plant 7!" })).ExpectAsync(400);
        Assert.Contains("labels[site]", badLabel["errors"]!.AsObject().Select(e => e.Key));
        var selector = await (await admin.GetAsync("/api/v1/fleet/devices?selector=hw%20in%20jetson")).ExpectAsync(400);
        Assert.Contains("parentheses", selector["errors"]!["selector"]![0]!.GetValue<string>());
    }
}
