using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Auditing;

/// <summary>
/// The audit export, streamed directly or through a download link, keeps exactly the events the list shows for the same
/// time range [from, to): the portal's "Export" must save what is on screen, not the whole trail.
/// </summary>
public sealed class AuditExportRangeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_export_and_an_export_link_keep_only_the_events_of_the_date_range_like_the_list()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        for (var i = 0; i < 3; i++)
        {
            await scientist.CreateExperimentAsync();
            await Task.Delay(30);
        }

        var actor = (await (await scientist.GetAsync("/api/v1/users/me")).ExpectAsync(200))["name"]!.GetValue<string>();
        using var admin = await factory.AdminAsync();
        var mine = (await (await admin.GetAsync("/api/v1/audit?action=CreateExperiment&limit=500")).ExpectAsync(200))["items"]!.AsArray()
            .Where(e => e!["actor"]!.GetValue<string>() == actor).OrderBy(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(3, mine.Count);
        // [second, third): only the middle creation.
        var range = $"&from={Uri.EscapeDataString(mine[1]!["at"]!.GetValue<string>())}&to={Uri.EscapeDataString(mine[2]!["at"]!.GetValue<string>())}";
        var filter = $"action=CreateExperiment&actor={Uri.EscapeDataString(actor)}{range}";
        var listed = Sequences((await (await admin.GetAsync($"/api/v1/audit?{filter}")).ExpectAsync(200))["items"]!.AsArray());
        Assert.Equal([mine[1]!["sequence"]!.GetValue<long>()], listed);

        var exported = Sequences(JsonNode.Parse(await admin.GetStringAsync($"/api/v1/audit/export?format=json&{filter}"))!.AsArray());
        Assert.Equal(listed, exported);

        var link = await (await admin.PostJsonAsync("/api/v1/downloads", new
        {
            kind = "AuditExport", format = "json", action = "CreateExperiment", actor = actor,
            from = mine[1]!["at"]!.GetValue<string>(), to = mine[2]!["at"]!.GetValue<string>(),
        })).ExpectAsync(200);
        using var anonymous = factory.CreateClient();
        var linked = Sequences(JsonNode.Parse(await anonymous.GetStringAsync(link["url"]!.GetValue<string>()))!.AsArray());
        Assert.Equal(listed, linked);
    }

    [Fact]
    public async Task A_range_that_is_not_a_time_is_400_for_the_export()
    {
        using var admin = await factory.AdminAsync();

        await (await admin.GetAsync("/api/v1/audit/export?from=yesterday")).ExpectAsync(400);
    }

    private static List<long> Sequences(JsonArray events) => [.. events.Select(e => e!["sequence"]!.GetValue<long>())];
}
