using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Workspaces;
using Platform.Web.Tests.Admin;
using static Platform.Web.Tests.Workspaces.WorkspaceAnswers;

namespace Platform.Web.Tests.Workspaces;

/// <summary>A workspace's settings: members (add, change roles, remove; the last Admin's refusal as a sentence), quotas with usage, its policies.</summary>
public sealed class WorkspaceSettingsTests : AdminPageContext
{
    private const string Members = "/api/v1/workspaces/fraud/members";

    public WorkspaceSettingsTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/workspaces/fraud", () => Workspace("fraud", "Admin"))
            .On(HttpMethod.Get, Members, () => new { items = new[] { Member("ana", "Admin"), Member("bob", "Viewer", "DataScientist") }, nextCursor = (string?)null })
            .On(HttpMethod.Get, "/api/v1/workspaces/fraud/quotas", () => new
            {
                concurrentJobs = Quota(10, 3, 2), concurrentGpuJobs = Quota(4, 0, 0), storageBytes = Quota(1L << 30, 512L << 20, null),
            })
            .On(HttpMethod.Put, Members + "/", () => Member("bob", "Viewer"))
            .On(HttpMethod.Delete, Members + "/", () => new { });
    }

    [Fact]
    public void Members_are_listed_with_their_roles_in_the_workspace()
    {
        var page = Settings("Viewer");

        page.WaitForAssertion(() => Assert.Equal(["ana", "bob"], page.FindAll("[data-testid=member-name]").Select(c => c.TextContent.Trim())));
        Assert.Equal(["Admin", "Viewer, DataScientist"], page.FindAll("[data-testid=member-roles]").Select(c => c.TextContent.Trim()));
        Assert.Equal("Fraud team", page.Find("[data-testid=workspace-title]").TextContent.Trim());
    }

    [Fact]
    public void Adding_a_member_sends_their_user_name_and_the_roles_ticked()
    {
        var page = Settings("Viewer");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=member-name]")));

        page.Find("#new-member-name").Input("carol");
        Tick(page, "new-member-roles", "Approver");
        page.Find("[data-testid=add-member-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Method == HttpMethod.Put && s.Wire == Members + "/carol"));
        var body = Assert.Single(Api.BodiesOf(HttpMethod.Put, Members + "/carol"));
        Assert.Equal(["Viewer", "Approver"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Demoting_the_last_admin_shows_the_apis_refusal_as_a_sentence()
    {
        Api.On(HttpMethod.Put, Members + "/ana", () => Problem("Conflict", "This is the last Admin of workspace 'fraud'; make another member Admin first.", "workspace.last-admin"),
            HttpStatusCode.Conflict);
        var page = Settings("Viewer");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=member-name]")));

        page.Find("button[aria-label='Change roles of ana']").Click();
        Tick(page, "edit-member-roles", "Viewer");
        page.FindAll("[data-testid=edit-member-roles] label").Single(l => l.TextContent.Trim() == "Admin").QuerySelector("input")!.Change(false);
        Button(page, "Save roles").Click();

        page.WaitForAssertion(() => Assert.Contains("ana is the last Admin of fraud", page.Find("[data-testid=members-error]").TextContent));
        Assert.Equal(["Viewer"], Assert.Single(Api.BodiesOf(HttpMethod.Put, Members + "/ana")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Removing_a_member_asks_first_and_only_a_confirmed_removal_is_sent()
    {
        var page = Settings("Viewer");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=member-name]")));

        page.Find("button[aria-label='Remove bob']").Click();
        page.WaitForAssertion(() => Assert.Contains("Remove bob from fraud?", page.Find(".mud-dialog").TextContent));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Delete);
        page.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Method == HttpMethod.Delete && s.Wire == Members + "/bob"));
    }

    [Fact]
    public void Quotas_show_each_limit_with_what_is_in_use_whatever_quotas_the_api_answers()
    {
        var page = Settings("Viewer");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=quota-row]").Count));
        Assert.Equal("Storage bytes", page.Find("[data-testid=quota-row][data-quota=storageBytes]").TextContent.Trim());
        Assert.Equal("1 GB", page.Find("[data-testid=quota-limit][data-quota=storageBytes]").TextContent.Trim());
        Assert.Equal("512 MB", page.Find("[data-testid=quota-in-use][data-quota=storageBytes]").TextContent.Trim());
        Assert.Equal("Concurrent GPU jobs", page.Find("[data-testid=quota-row][data-quota=concurrentGpuJobs]").TextContent.Trim());
    }

    [Fact]
    public void Someone_who_is_no_platform_admin_cannot_set_quotas()
    {
        var page = Settings("Viewer");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=quota-row]")));
        Assert.Empty(page.FindAll("#quota-concurrentJobs"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Save quotas");
    }

    [Fact]
    public void A_platform_admin_saving_quotas_sends_each_one()
    {
        Api.On(HttpMethod.Put, "/api/v1/workspaces/fraud/quotas", () => new { concurrentJobs = Quota(20, 3, 0), concurrentGpuJobs = Quota(4, 0, 0) });
        var page = Settings("Admin");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#quota-concurrentJobs")));
        page.Find("#quota-concurrentJobs").Change("20");
        Button(page, "Save quotas").Click();

        page.WaitForAssertion(() => Assert.Single(Api.BodiesOf(HttpMethod.Put, "/api/v1/workspaces/fraud/quotas")));
        var body = Api.BodiesOf(HttpMethod.Put, "/api/v1/workspaces/fraud/quotas").Single();
        Assert.Equal(20, body.GetProperty("concurrentJobs").GetInt64());
        Assert.Equal(4, body.GetProperty("concurrentGpuJobs").GetInt64());
    }

    [Fact]
    public void A_member_who_is_no_admin_there_sees_the_members_but_cannot_change_them()
    {
        Api.On(HttpMethod.Get, "/api/v1/workspaces/fraud", () => Workspace("fraud", "DataScientist"))
            .On(HttpMethod.Get, Members, () => new { items = new[] { Member("ana", "Admin"), Member("bob", "Viewer") }, nextCursor = (string?)null });
        var page = Settings("DataScientist");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=member-name]")));
        Assert.Contains("Only an Admin of fraud", page.Find("[data-testid=settings-read-only]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=add-member-form]"));
        Assert.Empty(page.FindAll("button[aria-label='Remove bob']"));
    }

    [Fact]
    public void A_workspace_the_user_cannot_see_is_not_found()
    {
        Api.On(HttpMethod.Get, "/api/v1/workspaces/fraud", () => Problem("Not found", "Workspace 'fraud' was not found."), HttpStatusCode.NotFound);
        var page = Settings("Viewer");

        page.WaitForAssertion(() => Assert.Contains("Workspace not found", page.Find("[data-testid=not-found]").TextContent));
    }

    [Fact]
    public void Another_workspaces_policies_are_a_switch_away()
    {
        var page = Settings("Viewer");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=switch-to-policies]")));
        Assert.DoesNotContain(Api.Sent, s => s.Wire.Contains("approval-policies", StringComparison.Ordinal));
    }

    [Fact]
    public void The_current_workspaces_policies_are_listed_with_a_link_to_their_page()
    {
        Api.On(HttpMethod.Get, "/api/v1/workspaces/fraud/approval-policies", () => Array.Empty<object>());
        Services.GetRequiredService<PortalSession>().Enter("fraud", ["Admin"]);
        var current = RenderSignedIn<WorkspaceSettings>(["Viewer"], nameof(WorkspaceSettings.Name), "fraud");
        current.WaitForAssertion(() => Assert.Single(current.FindAll("[data-testid=policies-empty]")));
        Assert.Single(current.FindAll("a[href='/admin/policies']"));
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> Settings(string platformRole) =>
        RenderSignedIn<WorkspaceSettings>([platformRole], nameof(WorkspaceSettings.Name), "fraud");
}
