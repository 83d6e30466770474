using System.Net.Http.Headers;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Tracking;

public sealed class ExperimentsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Creates_gets_renames_archives_and_restores_an_experiment()
    {
        using var client = await factory.UserAsync("DataScientist");
        var created = await (await client.PostJsonAsync("/api/v1/experiments", new { name = "churn-a", description = "why customers leave" }))
            .ExpectAsync(201);
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("Active", created["lifecycleStage"]!.GetValue<string>());

        var renamed = await (await client.PatchJsonAsync($"/api/v1/experiments/{id}", new { name = "churn-b" })).ExpectAsync(200);
        Assert.Equal("churn-b", renamed["name"]!.GetValue<string>());

        var archived = await (await client.PostAsync($"/api/v1/experiments/{id}/archive", null)).ExpectAsync(200);
        Assert.Equal("Archived", archived["lifecycleStage"]!.GetValue<string>());
        await (await client.PostJsonAsync($"/api/v1/experiments/{id}/runs", new { })).ExpectAsync(409);

        await (await client.PostAsync($"/api/v1/experiments/{id}/restore", null)).ExpectAsync(200);
        var fetched = await (await client.GetAsync($"/api/v1/experiments/{id}")).ExpectAsync(200);
        Assert.Equal("churn-b", fetched["name"]!.GetValue<string>());
        Assert.Equal("why customers leave", fetched["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_taken_name_is_409()
    {
        using var client = await factory.UserAsync("DataScientist");
        await client.CreateExperimentAsync("unique-name");
        var problem = await (await client.PostJsonAsync("/api/v1/experiments", new { name = "unique-name" })).ExpectAsync(409);
        Assert.Equal("experiment.name-taken", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_a_current_one_succeeds()
    {
        using var client = await factory.UserAsync("DataScientist");
        var id = await client.CreateExperimentAsync();
        var get = await client.GetAsync($"/api/v1/experiments/{id}");
        var etag = get.Headers.ETag!;

        using var first = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/experiments/{id}") { Content = JsonContent(new { name = "v2-" + id[..8] }) };
        first.Headers.IfMatch.Add(etag);
        await (await client.SendAsync(first)).ExpectAsync(200);

        using var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/experiments/{id}") { Content = JsonContent(new { name = "v3-" + id[..8] }) };
        stale.Headers.IfMatch.Add(etag);
        await (await client.SendAsync(stale)).ExpectAsync(412);
    }

    [Fact]
    public async Task Lists_page_by_cursor_and_filter_by_name_and_lifecycle()
    {
        using var client = await factory.UserAsync("DataScientist");
        var prefix = "paged-" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await client.CreateExperimentAsync($"{prefix}-{i}"));
        }

        await (await client.PostAsync($"/api/v1/experiments/{ids[0]}/archive", null)).ExpectAsync(200);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/experiments?name={prefix}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}")))
                .ExpectAsync(200);
            seen.AddRange(page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(ids.Skip(1).Reverse(), seen);
        var archived = await (await client.GetAsync($"/api/v1/experiments?name={prefix}&lifecycle=Archived")).ExpectAsync(200);
        Assert.Equal(ids[0], Assert.Single(archived["items"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_create_403()
    {
        using var viewer = await factory.UserAsync("Viewer");
        await (await viewer.GetAsync("/api/v1/experiments")).ExpectAsync(200);
        var problem = await (await viewer.PostJsonAsync("/api/v1/experiments", new { name = "nope" })).ExpectAsync(403);
        Assert.Contains("DataScientist", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_experiment_is_404_and_a_blank_name_400_naming_the_field()
    {
        using var client = await factory.UserAsync("DataScientist");
        await (await client.GetAsync($"/api/v1/experiments/{Guid.NewGuid()}")).ExpectAsync(404);
        var problem = await (await client.PostJsonAsync("/api/v1/experiments", new { name = " " })).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["name"]);
        var bad = await (await client.GetAsync("/api/v1/experiments?limit=501")).ExpectAsync(400);
        Assert.NotNull(bad["errors"]!["limit"]);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Json.Options), new MediaTypeHeaderValue("application/json"));
}
