using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Datasets;

public sealed class DatasetsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_uploaded_csv_becomes_a_version_with_its_schema_and_statistics_and_downloads_unchanged()
    {
        using var client = await factory.UserAsync("DataScientist");
        var name = NewName();
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));

        var created = await (await client.PostAsync($"/api/v1/datasets/{name}/versions", Csv(file))).ExpectAsync(201);

        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.Equal(569, created["rowCount"]!.GetValue<int>());
        Assert.Equal(31, created["columnCount"]!.GetValue<int>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), created["sha256"]!.GetValue<string>());
        var columns = created["profile"]!["columns"]!.AsArray();
        var radius = columns.Single(c => c!["name"]!.GetValue<string>() == "mean_radius")!;
        Assert.Equal("Numeric", radius["kind"]!.GetValue<string>());
        Assert.Equal(14.127, radius["numeric"]!["mean"]!.GetValue<double>(), 3);
        Assert.Equal(6.981, radius["numeric"]!["min"]!.GetValue<double>(), 3);
        Assert.Equal(28.11, radius["numeric"]!["max"]!.GetValue<double>(), 3);

        var second = await (await client.PostAsync($"/api/v1/datasets/{name}/versions", Csv(file))).ExpectAsync(201);
        Assert.Equal(2, second["version"]!.GetValue<int>());
        var listed = await (await client.GetAsync($"/api/v1/datasets?name={name}")).ExpectAsync(200);
        Assert.Equal([2, 1], listed["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Null(listed["items"]![0]!["profile"]);

        using var download = await client.GetAsync($"/api/v1/datasets/{name}/versions/1/content");
        Assert.Equal(file, await download.Content.ReadAsByteArrayAsync());
        var one = await (await client.GetAsync($"/api/v1/datasets/{name}/versions/1")).ExpectAsync(200);
        Assert.Equal(31, one["profile"]!["columns"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", "Row 3")]
    [InlineData("a,b\n", "no data rows")]
    public async Task A_bad_file_is_400_saying_where_and_records_no_version(string content, string expected)
    {
        using var client = await factory.UserAsync("DataScientist");
        var name = NewName();

        var problem = await (await client.PostAsync($"/api/v1/datasets/{name}/versions", Csv(Encoding.UTF8.GetBytes(content)))).ExpectAsync(400);

        Assert.Contains(expected, problem["errors"]!["content"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await (await client.GetAsync($"/api/v1/datasets/{name}/versions/1")).ExpectAsync(404);
    }

    [Fact]
    public async Task A_ragged_row_names_its_row_and_column()
    {
        using var client = await factory.UserAsync("DataScientist");
        var problem = await (await client.PostAsync($"/api/v1/datasets/{NewName()}/versions", Csv("x,y\n1,2\n3,4,5\n"u8.ToArray()))).ExpectAsync(400);
        var message = problem["errors"]!["content"]![0]!.GetValue<string>();
        Assert.Contains("Row 3", message, StringComparison.Ordinal);
        Assert.Contains("column", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_names_formats_and_roles_are_refused_with_the_reason()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var problem = await (await scientist.PostAsync("/api/v1/datasets/bad%20name!/versions", Csv("a\n1\n"u8.ToArray()))).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["name"]);

        var pdf = new ByteArrayContent("a\n1\n"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        problem = await (await scientist.PostAsync($"/api/v1/datasets/{NewName()}/versions", pdf)).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["format"]);

        using var viewer = await factory.UserAsync("Viewer");
        await (await viewer.PostAsync($"/api/v1/datasets/{NewName()}/versions", Csv("a\n1\n"u8.ToArray()))).ExpectAsync(403);
        await (await viewer.GetAsync($"/api/v1/datasets/{NewName()}/versions/1")).ExpectAsync(404);
    }

    [Fact]
    public async Task A_part_that_is_not_train_validation_or_test_is_400_naming_the_parts_and_a_missing_version_404()
    {
        using var client = await factory.UserAsync("DataScientist");
        var name = NewName();
        await (await client.PostAsync($"/api/v1/datasets/{name}/versions", Csv("a,b\n1,2\n3,4\n"u8.ToArray()))).ExpectAsync(201);

        var problem = await (await client.GetAsync($"/api/v1/datasets/{name}/versions/1/content?split=everything")).ExpectAsync(400);

        Assert.Equal("must be one of: train, validation, test", problem["errors"]!["split"]![0]!.GetValue<string>());
        await (await client.GetAsync($"/api/v1/datasets/{name}/versions/2/content?split=train")).ExpectAsync(404);
    }

    [Fact]
    public async Task Concurrent_uploads_of_one_name_get_distinct_versions_or_a_409_never_a_500()
    {
        using var client = await factory.UserAsync("DataScientist");
        var name = NewName();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.PostAsync($"/api/v1/datasets/{name}/versions", Csv(Encoding.UTF8.GetBytes($"a,b\n{i},1\n")))));

        Assert.All(responses, r => Assert.True((int)r.StatusCode is 201 or 409, $"an upload answered {(int)r.StatusCode}"));
        var versions = new List<int>();
        foreach (var created in responses.Where(r => (int)r.StatusCode == 201))
        {
            versions.Add((await created.ExpectAsync(201))["version"]!.GetValue<int>());
        }

        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Order());
        var listed = await (await client.GetAsync($"/api/v1/datasets?name={name}")).ExpectAsync(200);
        Assert.Equal(versions.Count, listed["items"]!.AsArray().Count);
    }

    internal static string NewName() => "ds-" + Guid.NewGuid().ToString("N")[..8];

    internal static ByteArrayContent Csv(byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return body;
    }
}
