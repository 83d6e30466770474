using System.Net;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Fleet;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Fleet;

public sealed class EnrolmentTokensTests : DeploymentPageContext
{
    private const string Secret = "pet_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    private readonly List<EnrolmentTokenInfo> _held = [];

    public EnrolmentTokensTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/fleet/enrolment-tokens", () => new Page<EnrolmentTokenInfo>([.. _held], null));
        Api.On(HttpMethod.Post, "/api/v1/fleet/enrolment-tokens", () =>
        {
            var token = FleetData.Token() with { Prefix = Secret[..12] };
            _held.Add(token);
            return new CreatedEnrolmentToken(token, Secret);
        }, HttpStatusCode.Created);
        Api.On(HttpMethod.Delete, "/api/v1/fleet/enrolment-tokens/", () => FleetData.Token("revoked"));
    }

    [Fact]
    public void A_new_token_is_shown_once_with_the_agents_command_and_the_list_shows_only_its_prefix()
    {
        var page = RenderOperator<EnrolmentTokens>();
        page.Find("#token-name").Change("gw-berlin-02");
        Press(page, "Add label");
        page.Find("[data-testid=label-row] input.mud-input-root").Input("region");
        page.FindAll("[data-testid=label-row] input")[1].Input("eu-west");
        page.Find("#token-expiry").Change("48");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(Secret, page.Find("#secret-value").GetAttribute("value")));
        Assert.Contains("shown only this once", page.Find(".mud-dialog").TextContent);
        Assert.Equal(
            $"ASPNETCORE_URLS=http://0.0.0.0:8080 Edge__Platform=http://localhost Edge__EnrolmentToken={Secret} Edge__Name=gw-berlin-02 ./platform-edge",
            page.Find("[data-testid=enrol-command-filled]").TextContent);
        var sent = Assert.Single(Api.BodiesOf(HttpMethod.Post, "/api/v1/fleet/enrolment-tokens"));
        Assert.Equal(("gw-berlin-02", 48, "eu-west"),
            (sent.GetProperty("name").GetString(), sent.GetProperty("expiresInHours").GetInt32(), sent.GetProperty("labels").GetProperty("region").GetString()));

        Press(page, "I have copied it");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        page.WaitForAssertion(() => Assert.Equal(Secret[..12] + "…", page.Find("[data-testid=token-prefix]").TextContent));
        Assert.DoesNotContain(Secret, page.Markup);
        Assert.Equal("unused", page.Find("[data-testid=token-status]").TextContent.Trim());
        Assert.Contains("Edge__EnrolmentToken=<secret>", page.Find("[data-testid=enrol-command]").TextContent);
    }

    [Theory]
    [InlineData("http://api.internal:8080/", "http://portal.example/", "http://api.internal:8080")]
    [InlineData("http://127.0.0.1:5000/", "https://platform.example/", "https://platform.example")]
    public void The_command_names_the_configured_api_unless_it_is_loopback_then_the_address_the_browser_came_by(string configured, string browser, string expected)
    {
        Assert.Equal(expected, EnrolCommand.ApiUrl(new Uri(configured), browser));
        Assert.Contains("Edge__Name='gw 7' ./platform-edge", EnrolCommand.For(expected, "pet_x", "gw 7"));
    }

    [Fact]
    public void A_refused_label_and_expiry_are_said_beside_their_fields_and_no_secret_is_shown()
    {
        Api.On(HttpMethod.Post, "/api/v1/fleet/enrolment-tokens", () => FleetData.Invalid(
            ("labels[Region]", "must be lower-case letters, digits, '.', '_' or '-'"), ("expiresInHours", "must be between 1 and 720")), HttpStatusCode.BadRequest);
        var page = RenderOperator<EnrolmentTokens>();
        page.Find("#token-name").Change("gw");
        Press(page, "Add label");
        page.Find("[data-testid=label-row] input").Input("Region");
        page.FindAll("[data-testid=label-row] input")[1].Input("eu");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("must be lower-case", page.Find("[data-testid=label-row]").TextContent));
        Assert.Contains("must be between 1 and 720", page.Markup);
        Assert.Contains("see the fields marked", page.Find("[data-testid=inline-error]").TextContent);
        Assert.Empty(page.FindAll(".mud-dialog"));
    }

    [Fact]
    public void Revoking_an_unused_token_asks_first_and_only_a_confirmed_revoke_is_sent_and_a_used_one_offers_none()
    {
        var unused = FleetData.Token();
        _held.AddRange([unused, FleetData.Token("used") with { DeviceId = FleetData.DeviceId }]);
        var page = RenderOperator<EnrolmentTokens>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Revoke"));
        Assert.Equal($"/fleet/devices/{FleetData.DeviceId}", page.Find("[data-testid=token-device]").GetAttribute("href"));

        Press(page, "Revoke");
        page.WaitForAssertion(() => Assert.Contains("No device can enrol with it", page.Find(".mud-dialog").TextContent));
        Press(page, "Cancel");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Delete);

        Press(page, "Revoke");
        page.WaitForAssertion(() => page.InvokeAsync(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click()));

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Method == HttpMethod.Delete && s.Path == $"/api/v1/fleet/enrolment-tokens/{unused.Id}"));
    }

    [Fact]
    public void A_viewer_is_told_operators_enrol_devices_and_no_token_is_listed()
    {
        var page = RenderAs<EnrolmentTokens>("Viewer");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=operators-only]")));
        Assert.Empty(page.FindAll("form"));
        Assert.DoesNotContain(Api.Sent, s => s.Path.StartsWith("/api/v1/fleet/enrolment-tokens", StringComparison.Ordinal));
    }
}
