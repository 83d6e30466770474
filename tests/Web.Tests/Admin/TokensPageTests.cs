using System.Net;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Admin;

namespace Platform.Web.Tests.Admin;

public sealed class TokensPageTests : AdminPageContext
{
    private const string Secret = "plat_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    private static readonly AccessTokenInfo Ci = new(
        Guid.NewGuid(), "ci", Secret[..12], ["DataScientist"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(90), null, null);

    private readonly List<AccessTokenInfo> _held = [];

    public TokensPageTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/tokens", () => new Page<AccessTokenInfo>([.. _held], null));
        Api.On(HttpMethod.Post, "/api/v1/tokens", () =>
        {
            _held.Add(Ci);
            return new CreatedAccessToken(Ci, Secret);
        }, HttpStatusCode.Created);
        Api.On(HttpMethod.Delete, "/api/v1/tokens/", () => Ci with { RevokedAt = DateTimeOffset.UnixEpoch.AddDays(1) });
    }

    [Fact]
    public void A_new_token_is_shown_once_in_a_dialog_and_never_in_the_list()
    {
        var page = RenderSignedIn<Tokens>("DataScientist", "Viewer");
        page.Find("#token-name").Change("ci");
        Tick(page, "token-roles", "DataScientist");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(Secret, page.Find("#secret-value").GetAttribute("value")));
        Assert.Contains("shown only this once", page.Find(".mud-dialog").TextContent);
        var sent = Assert.Single(Api.BodiesOf(HttpMethod.Post, "/api/v1/tokens"));
        Assert.Equal(["DataScientist"], sent.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        page.WaitForAssertion(() => Assert.Contains(Secret[..12] + "…", page.Find("[data-testid=token-prefix]").TextContent));

        Button(page, "I have copied it").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.DoesNotContain(Secret, page.Markup);
        Assert.Single(page.FindAll("[data-testid=token-prefix]"));
    }

    [Fact]
    public void A_token_may_hold_only_roles_its_owner_holds_and_an_admin_holds_them_all()
    {
        var page = RenderSignedIn<Tokens>("DataScientist", "Viewer");

        var offered = page.FindAll("[data-testid=token-roles] label").Select(l => l.TextContent.Trim());

        Assert.Equal(["Viewer", "DataScientist"], offered);
        Assert.Equal(PlatformRoles.All, NewTokenForm.Grantable(["Admin"]));
    }

    [Fact]
    public void A_token_without_a_name_or_a_role_is_not_sent()
    {
        var page = RenderSignedIn<Tokens>("DataScientist");

        page.Find("form").Submit();

        Assert.Contains("Name the token", page.Markup);
        Assert.Contains("Pick at least one role.", page.Markup);
        Assert.Empty(Api.BodiesOf(HttpMethod.Post, "/api/v1/tokens"));
    }

    [Fact]
    public void Revoking_asks_first_and_cancel_sends_nothing()
    {
        _held.Add(Ci);
        var page = RenderSignedIn<Tokens>("DataScientist");
        page.WaitForAssertion(() => Button(page, "Revoke").Click());

        page.WaitForAssertion(() => Assert.Contains("stops working at once", page.Find(".mud-dialog").TextContent));
        Button(page, "Cancel").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Delete);

        page.FindAll("button").First(b => b.TextContent.Trim() == "Revoke").Click();
        page.WaitForAssertion(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click());

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Method == HttpMethod.Delete && s.Path == $"/api/v1/tokens/{Ci.Id}"));
    }
}
