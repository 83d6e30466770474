using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Layout;
using static Platform.Web.Tests.Workspaces.WorkspaceAnswers;

namespace Platform.Web.Tests.Layout;

/// <summary>
/// The app bar's workspace switcher: it lists the user's workspaces, enters the one remembered in this browser (or
/// default, or their first), sends the portal's calls there, and a switch is remembered and reloads the portal.
/// </summary>
public sealed class WorkspaceSwitcherTests : LayoutContext
{
    public WorkspaceSwitcherTests()
    {
        StoredTheme(null);
        Api.On(HttpMethod.Get, "/api/v1/workspaces?", () => List(
            Workspace("default", "DataScientist"), Workspace("fraud", "Admin"), Workspace("other")));
    }

    [Fact]
    public void The_menu_lists_the_workspaces_the_user_is_a_member_of_and_marks_the_current_one()
    {
        StoredWorkspace(null);
        var layout = Ready(RenderLayout());

        layout.Find("[data-testid=current-workspace]").Click();

        layout.WaitForAssertion(() => Assert.Equal(["default", "fraud"], Options(layout).Select(o => o.GetAttribute("data-workspace"))));
        Assert.Equal("Default", layout.Find("[data-testid=current-workspace]").TextContent.Trim());
        Assert.True(Options(layout).Single(o => o.GetAttribute("data-workspace") == "default").ClassList.Contains("mud-disabled"), "the current workspace is offered as a switch");
    }

    [Fact]
    public async Task The_remembered_workspace_is_entered_and_the_portals_calls_go_there()
    {
        StoredWorkspace("fraud");
        var layout = Ready(RenderLayout());

        Assert.Equal("fraud", layout.Find("[data-testid=current-workspace]").GetAttribute("data-workspace"));
        await Quietly(() => Services.GetRequiredService<PlatformApiClient>().ExperimentsAsync(25, null));
        Assert.Equal("/api/v1/workspaces/fraud/experiments?limit=25", Api.Sent.Last().Wire);
    }

    [Theory]
    [InlineData("gone")]
    [InlineData("other")]
    [InlineData(null)]
    public void A_remembered_workspace_that_is_gone_or_not_theirs_falls_back_to_default(string? remembered)
    {
        StoredWorkspace(remembered);
        var layout = Ready(RenderLayout());

        Assert.Equal("default", layout.Find("[data-testid=current-workspace]").GetAttribute("data-workspace"));
    }

    [Fact]
    public void Without_default_the_first_workspace_of_theirs_is_entered()
    {
        Api.On(HttpMethod.Get, "/api/v1/workspaces?", () => List(Workspace("alpha", "Viewer"), Workspace("beta", "Admin")));
        StoredWorkspace("gone");
        var layout = Ready(RenderLayout());

        Assert.Equal("alpha", Services.GetRequiredService<PortalSession>().Workspace);
    }

    [Fact]
    public void Switching_remembers_the_choice_in_this_browser_and_reloads_the_portal_at_the_dashboard()
    {
        StoredWorkspace(null);
        var layout = Ready(RenderLayout());
        layout.Find("[data-testid=current-workspace]").Click();

        layout.WaitForAssertion(() => Options(layout).Single(o => o.GetAttribute("data-workspace") == "fraud").Click());

        var saved = JSInterop.Invocations["localStorage.setItem"].Where(i => Equals(i.Arguments[0], WorkspacePreference.Key)).ToList();
        Assert.Equal([WorkspacePreference.Key, "fraud"], Assert.Single(saved).Arguments);
        var navigation = (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();
        var reload = navigation.History.First();
        Assert.True(reload.Options.ForceLoad, "switching did not reload the portal: the old workspace's data could stay on screen");
        Assert.Equal("http://localhost/", navigation.Uri);
    }

    [Theory]
    [InlineData("DataScientist", "Viewer", false)]
    [InlineData("Viewer", "DataScientist", true)]
    public void Launch_training_shows_by_the_roles_held_in_the_workspace_not_the_platforms(string platformRole, string workspaceRole, bool shown)
    {
        Api.On(HttpMethod.Get, "/api/v1/workspaces?", () => List(Workspace("default", "Viewer"), Workspace("fraud", workspaceRole)));
        StoredWorkspace("fraud");
        var layout = Ready(RenderLayout(roles: [platformRole]));

        Assert.Equal(shown, layout.FindAll("a[href='/train']").Count == 1);
    }

    [Fact]
    public void When_the_workspaces_cannot_be_read_the_menu_says_so_and_the_portal_stays_in_default()
    {
        Api.On(HttpMethod.Get, "/api/v1/workspaces?", () => Problem("Internal error", "Something went wrong on our side."), System.Net.HttpStatusCode.InternalServerError);
        StoredWorkspace("fraud");
        var layout = Ready(RenderLayout());
        layout.Find("[data-testid=current-workspace]").Click();

        layout.WaitForAssertion(() => Assert.Contains("could not be read", layout.Find("[data-testid=workspaces-error]").TextContent));
        Assert.Equal("default", Services.GetRequiredService<PortalSession>().Workspace);
    }

    private static IRenderedComponent<MainLayout> Ready(IRenderedComponent<MainLayout> layout)
    {
        layout.WaitForAssertion(() => Assert.Single(layout.FindAll("[data-testid=current-workspace]")));
        return layout;
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Options(IRenderedComponent<MainLayout> layout) => layout.FindAll("[data-testid=workspace-option]");

    private static async Task Quietly(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ApiProblem)
        {
        }
    }
}
