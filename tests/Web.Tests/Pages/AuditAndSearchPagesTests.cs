using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Pages;

/// <summary>The audit trail's filters and expandable rows, and the global search's results page, over the stub Api.</summary>
public sealed class AuditAndSearchPagesTests : DeploymentPageContext
{
    public AuditAndSearchPagesTests()
    {
        Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddScoped<BrowserDownloads>();
    }

    [Fact]
    public void An_audit_row_expands_to_its_changes_and_its_entity_links_to_its_page()
    {
        var summary = JsonDocument.Parse("""{"records":[{"type":"Run","id":"r1","change":"Modified","properties":{"Status":{"before":"Running","after":"Finished"}}}],"more":0}""").RootElement.Clone();
        Api.On(HttpMethod.Get, "/api/v1/audit/verify", () => new AuditVerification(true, 1, 0, null, null));
        Api.On(HttpMethod.Get, "/api/v1/audit/actions", () => new[] { "CreateRun", "UpdateRun" });
        Api.On(HttpMethod.Get, "/api/v1/audit?", () => new Page<AuditEvent>([new(7, DateTimeOffset.UnixEpoch, "ana", "UpdateRun", "Run", "r1", null, summary)], null));
        var page = RenderAs<Audit>("Approver");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=audit-expand]")));
        Assert.Equal("/runs/r1", page.Find("[data-testid=audit-entity-link]").GetAttribute("href"));
        Assert.Equal("Run r1", page.Find("[data-testid=audit-entity-link]").ParentElement!.TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=audit-changes]"));
        page.Find("[data-testid=audit-expand]").Click();

        var field = page.Find("[data-testid=audit-field][data-field=Status]").QuerySelectorAll("td").Select(c => c.TextContent);
        Assert.Equal(["Status", "Running", "Finished"], field);
    }

    [Fact]
    public void The_audit_filter_sends_the_action_picked_from_the_list_and_the_day_range()
    {
        Api.On(HttpMethod.Get, "/api/v1/audit/verify", () => new AuditVerification(true, 1, 0, null, null));
        Api.On(HttpMethod.Get, "/api/v1/audit/actions", () => new[] { "ApprovePromotion", "CreateRun" });
        Api.On(HttpMethod.Get, "/api/v1/audit?", () => new Page<AuditEvent>([], null));
        var page = RenderAs<Audit>("Approver");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#audit-action")));

        page.FindAll(".mud-input-control.mud-select").First(s => s.QuerySelector("#audit-action") is not null).MouseDown();
        page.WaitForAssertion(() => page.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "CreateRun").Click());
        page.Find("#audit-from").Change("2026-12-01");
        page.Find("#audit-to").Change("2026-12-06");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Filter").Click();

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Path.Contains("action=CreateRun", StringComparison.Ordinal)
            && s.Path.Contains("from=2026-12-01T00%3A00%3A00Z", StringComparison.Ordinal) && s.Path.Contains("to=2026-12-07T00%3A00%3A00Z", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_export_sends_the_filters_on_screen_the_day_range_included()
    {
        Api.On(HttpMethod.Get, "/api/v1/audit/verify", () => new AuditVerification(true, 1, 0, null, null));
        Api.On(HttpMethod.Get, "/api/v1/audit/actions", () => new[] { "CreateRun" });
        Api.On(HttpMethod.Get, "/api/v1/audit?", () => new Page<AuditEvent>([], null));
        Api.On(HttpMethod.Post, "/api/v1/downloads", () => new DownloadLink("/api/v1/downloads/t", "audit.csv", DateTimeOffset.UtcNow.AddMinutes(2)));
        var page = RenderAs<Audit>("Approver");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#audit-from")));

        page.Find("#audit-actor").Change("ana");
        page.Find("#audit-from").Change("2026-12-01");
        page.Find("#audit-to").Change("2026-12-06");
        page.Find("[data-testid=export-csv]").Click();

        page.WaitForAssertion(() => Assert.Single(Api.BodiesOf(HttpMethod.Post, "/api/v1/downloads")));
        var body = Api.BodiesOf(HttpMethod.Post, "/api/v1/downloads").Single();
        Assert.Equal("ana", body.GetProperty("actor").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), body.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), body.GetProperty("to").GetDateTimeOffset());
    }

    [Fact]
    public void A_version_named_by_its_id_goes_to_its_page_by_model_and_number()
    {
        var id = Guid.NewGuid();
        Api.On(HttpMethod.Get, $"/api/v1/model-versions/{id}", () => new ModelVersionLocation(id, "cancer model", 3));
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        RenderAs<Platform.Web.Components.Pages.Registry.ModelVersionById>("Viewer", ("Id", id));

        Assert.EndsWith("/models/cancer%20model/versions/3", navigation.Uri);
    }

    [Fact]
    public void The_search_page_lists_what_was_found_by_kind_with_links()
    {
        var run = Guid.NewGuid();
        Api.On(HttpMethod.Get, "/api/v1/search?q=churn", () => new SearchResults([], [new("run", run, "churn baseline", "churn")], [new("model", Guid.NewGuid(), "churn", null)], []));
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/search?q=churn");

        var page = RenderAs<Search>("Viewer");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=search-hit]").Count));
        var links = page.FindAll("[data-testid=search-hit] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/runs/{run}", "/models/churn"], links);
    }
}
