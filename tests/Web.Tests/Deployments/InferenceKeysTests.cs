using System.Net;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Deployments;

namespace Platform.Web.Tests.Deployments;

public sealed class InferenceKeysTests : DeploymentPageContext
{
    private const string Key = "psk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    private static readonly InferenceKeyInfo Scorer = new(Guid.NewGuid(), "scorer", Key[..12], "operator", DateTimeOffset.UnixEpoch, null);

    private readonly List<InferenceKeyInfo> _held = [];

    public InferenceKeysTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/deployments/cancer/keys", () => new Page<InferenceKeyInfo>([.. _held], null));
        Api.On(HttpMethod.Post, "/api/v1/deployments/cancer/keys", () =>
        {
            _held.Add(Scorer);
            return new CreatedInferenceKey(Scorer.Id, Scorer.Name, Scorer.Prefix, Key, Scorer.CreatedAt);
        }, HttpStatusCode.Created);
        Api.On(HttpMethod.Delete, "/api/v1/deployments/cancer/keys/", () => new { }, HttpStatusCode.NoContent);
    }

    [Fact]
    public void A_new_key_is_shown_once_in_a_dialog_and_the_list_shows_only_its_prefix()
    {
        var keys = RenderOperator<InferenceKeys>((nameof(InferenceKeys.Deployment), "cancer"));
        keys.Find("#key-name").Input("scorer");
        Press(keys, "Create key");

        keys.WaitForAssertion(() => Assert.Equal(Key, keys.Find("#secret-value").GetAttribute("value")));
        Assert.Contains("shown only this once", keys.Find(".mud-dialog").TextContent);
        Assert.Equal("scorer", Assert.Single(Api.BodiesOf(HttpMethod.Post, "/api/v1/deployments/cancer/keys")).GetProperty("name").GetString());

        Press(keys, "I have copied it");

        keys.WaitForAssertion(() => Assert.Empty(keys.FindAll(".mud-dialog")));
        keys.WaitForAssertion(() => Assert.Equal(Key[..12] + "…", keys.Find("[data-testid=key-prefix]").TextContent));
        Assert.DoesNotContain(Key, keys.Markup);
    }

    [Fact]
    public void A_key_without_a_name_is_not_sent()
    {
        var keys = RenderOperator<InferenceKeys>((nameof(InferenceKeys.Deployment), "cancer"));

        Press(keys, "Create key");

        keys.WaitForAssertion(() => Assert.Contains("Name the key", keys.Markup));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Post);
    }

    [Fact]
    public void Revoking_a_key_asks_first_and_only_a_confirmed_revoke_is_sent()
    {
        _held.Add(Scorer);
        var keys = RenderOperator<InferenceKeys>((nameof(InferenceKeys.Deployment), "cancer"));
        keys.WaitForAssertion(() => Button(keys, "Revoke").Click());

        keys.WaitForAssertion(() => Assert.Contains("Callers using it are refused", keys.Find(".mud-dialog").TextContent));
        Press(keys, "Cancel");
        keys.WaitForAssertion(() => Assert.Empty(keys.FindAll(".mud-dialog")));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Delete);

        keys.FindAll("button").First(b => b.TextContent.Trim() == "Revoke").Click();
        keys.WaitForAssertion(() => keys.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click());

        keys.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Method == HttpMethod.Delete && s.Path == $"/api/v1/deployments/cancer/keys/{Scorer.Id}"));
    }
}
