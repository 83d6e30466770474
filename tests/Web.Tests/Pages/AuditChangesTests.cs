using System.Text.Json;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests.Pages;

public sealed class AuditChangesTests : PortalTestContext
{
    private static readonly JsonElement Summary = JsonDocument.Parse("""
        {"records":[{"type":"Experiment","id":"e1","change":"Modified","properties":{"Description":{"before":"old","after":"new"},"Version":{"before":"1","after":"2"}}},
                    {"type":"RegisteredModel","id":"m1","change":"Added","properties":{"Name":{"before":null,"after":"cancer"}}}],"more":1}
        """).RootElement.Clone();

    [Fact]
    public void Each_changed_record_shows_each_field_before_and_after()
    {
        var changes = Render<AuditChanges>(p => p.Add(x => x.Summary, Summary));

        Assert.Equal(["Experiment e1 · modified", "RegisteredModel m1 · added"], changes.FindAll("[data-testid=audit-record]").Select(r => r.TextContent));
        var description = changes.Find("[data-testid=audit-field][data-field=Description]").QuerySelectorAll("td").Select(c => c.TextContent);
        Assert.Equal(["Description", "old", "new"], description);
        Assert.Equal("–", changes.Find("[data-testid=audit-field][data-field=Name]").QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("and 1 more record not listed", changes.Markup);
    }

    [Fact]
    public void Entities_link_to_their_pages_a_model_by_the_name_its_event_recorded()
    {
        var run = new AuditEvent(1, DateTimeOffset.UnixEpoch, "ana", "CreateRun", "Run", "r1", null);
        var model = new AuditEvent(2, DateTimeOffset.UnixEpoch, "ana", "CreateModel", "RegisteredModel", "m1", null, Summary);
        var version = new AuditEvent(3, DateTimeOffset.UnixEpoch, "ana", "SetModelVersionTag", "ModelVersionTag", "t1", null);

        Assert.Equal(("/runs/r1", "/models/cancer", null), (AuditLinks.For(run), AuditLinks.For(model), AuditLinks.For(version)));
    }

    [Fact]
    public void A_model_version_and_its_tags_link_to_the_version_by_its_id()
    {
        var id = Guid.NewGuid();
        var promoted = new AuditEvent(4, DateTimeOffset.UnixEpoch, "ana", "ApprovePromotion", "ModelVersion", id.ToString(), null);
        var tagged = new AuditEvent(5, DateTimeOffset.UnixEpoch, "ana", "SetModelVersionTag", "ModelVersionTag", $"{id}/team", null);

        Assert.Equal($"/model-versions/{id}", AuditLinks.For(promoted));
        Assert.Equal($"/model-versions/{id}", AuditLinks.For(tagged));
    }
}
