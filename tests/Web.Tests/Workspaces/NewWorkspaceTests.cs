using System.Net;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Workspaces;
using Platform.Web.Tests.Admin;
using static Platform.Web.Tests.Workspaces.WorkspaceAnswers;

namespace Platform.Web.Tests.Workspaces;

/// <summary>Creating a workspace: a platform Admin's form, the Api's complaints beside their fields, then the portal switches to it.</summary>
public sealed class NewWorkspaceTests : AdminPageContext
{
    [Fact]
    public void A_platform_admin_creates_a_workspace_and_the_portal_switches_to_it()
    {
        Api.On(HttpMethod.Post, "/api/v1/workspaces", () => Workspace("fraud", "Admin"), HttpStatusCode.Created);
        var page = RenderSignedIn<NewWorkspace>("Admin");

        page.Find("#workspace-name").Input("fraud");
        page.Find("#workspace-display-name").Input("Fraud team");
        page.Find("[data-testid=new-workspace-form]").Submit();

        page.WaitForAssertion(() => Assert.Single(Api.BodiesOf(HttpMethod.Post, "/api/v1/workspaces")));
        var body = Api.BodiesOf(HttpMethod.Post, "/api/v1/workspaces").Single();
        Assert.Equal(("fraud", "Fraud team"), (body.GetProperty("name").GetString(), body.GetProperty("displayName").GetString()));
        var saved = JSInterop.Invocations["localStorage.setItem"].Where(i => Equals(i.Arguments[0], WorkspacePreference.Key));
        Assert.Equal("fraud", Assert.Single(saved).Arguments[1]);
        Assert.True(((BunitNavigationManager)Services.GetRequiredService<NavigationManager>()).History.First().Options.ForceLoad, "the portal did not reload into the new workspace");
    }

    [Fact]
    public void The_apis_validation_problems_show_beside_the_field_they_name()
    {
        Api.On(HttpMethod.Post, "/api/v1/workspaces", () => new
        {
            title = "Invalid request", detail = "Fix the fields named in 'errors': Name",
            errors = new Dictionary<string, string[]> { ["Name"] = ["must be 1 to 40 lowercase letters, digits and hyphens, starting with a letter"] },
        }, HttpStatusCode.BadRequest);
        var page = RenderSignedIn<NewWorkspace>("Admin");

        page.Find("#workspace-name").Input("Fraud_Team");
        page.Find("[data-testid=new-workspace-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains("lowercase letters, digits and hyphens, starting with a letter", Field(page, "workspace-name")));
        Assert.DoesNotContain("lowercase", Field(page, "workspace-display-name"));
        Assert.Empty(page.FindAll("[data-testid=inline-error]"));
        Assert.DoesNotContain(JSInterop.Invocations["localStorage.setItem"], i => Equals(i.Arguments[0], WorkspacePreference.Key));
    }

    [Fact]
    public void A_name_taken_is_said_at_the_name()
    {
        Api.On(HttpMethod.Post, "/api/v1/workspaces", () => Problem("Conflict", "A workspace named 'fraud' exists already.", "workspace.name-taken"), HttpStatusCode.Conflict);
        var page = RenderSignedIn<NewWorkspace>("Admin");

        page.Find("#workspace-name").Input("fraud");
        page.Find("[data-testid=new-workspace-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains("exists already", Field(page, "workspace-name")));
    }

    [Fact]
    public void Someone_who_is_no_platform_admin_is_told_who_creates_workspaces()
    {
        var page = RenderSignedIn<NewWorkspace>("DataScientist");

        Assert.Contains("Only a platform Admin", page.Find("[data-testid=new-workspace-not-allowed]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=new-workspace-form]"));
    }

    /// <summary>The text of a text field's control (its label, input and the complaint under it).</summary>
    private static string Field(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;
}
