using System.Text;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Datasets.DatasetsApiTests;

namespace Platform.Api.Tests.Datasets;

/// <summary>A dataset version records its train / validation / test split: by seed and fractions, or by a column.</summary>
public sealed class DatasetSplitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task By_default_a_version_is_split_70_15_15_with_seed_42_and_the_same_file_splits_the_same_way()
    {
        using var client = await factory.UserAsync("DataScientist");
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        var name = NewName();

        var first = await (await client.PostAsync($"/api/v1/datasets/{name}/versions", Csv(file))).ExpectAsync(201);
        var again = await (await client.PostAsync($"/api/v1/datasets/{name}/versions?splitSeed=42", Csv(file))).ExpectAsync(201);

        var split = first["split"]!;
        Assert.Equal("seed", split["definition"]!["method"]!.GetValue<string>());
        Assert.Equal(42, split["definition"]!["seed"]!.GetValue<int>());
        Assert.Equal(85, split["rows"]!["test"]!.GetValue<int>());
        Assert.Equal(85, split["rows"]!["validation"]!.GetValue<int>());
        Assert.Equal(399, split["rows"]!["train"]!.GetValue<int>());
        Assert.Equal(split.ToJsonString(), again["split"]!.ToJsonString());
        var listed = await (await client.GetAsync($"/api/v1/datasets?name={name}")).ExpectAsync(200);
        Assert.Equal(399, listed["items"]![0]!["split"]!["rows"]!["train"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_split_column_decides_each_rows_part()
    {
        using var client = await factory.UserAsync("DataScientist");
        var csv = "x,part\n1,train\n2,TEST\n3,validation\n4,train\n5,train\n"u8.ToArray();

        var created = await (await client.PostAsync($"/api/v1/datasets/{NewName()}/versions?splitColumn=part", Csv(csv))).ExpectAsync(201);

        Assert.Equal("column", created["split"]!["definition"]!["method"]!.GetValue<string>());
        Assert.Equal("part", created["split"]!["definition"]!["column"]!.GetValue<string>());
        Assert.Equal(3, created["split"]!["rows"]!["train"]!.GetValue<int>());
        Assert.Equal(1, created["split"]!["rows"]!["validation"]!.GetValue<int>());
        Assert.Equal(1, created["split"]!["rows"]!["test"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("?validationFraction=0.5&testFraction=0.5", "testFraction", "below 1")]
    [InlineData("?testFraction=-0.1", "testFraction", "between")]
    [InlineData("?splitSeed=-1", "splitSeed", "greater than or equal")]
    [InlineData("?splitColumn=nope", "splitColumn", "no column 'nope'")]
    [InlineData("?splitColumn=x", "splitColumn", "Row 2")]
    public async Task A_bad_split_is_400_naming_the_parameter_and_records_no_version(string query, string field, string expected)
    {
        using var client = await factory.UserAsync("DataScientist");
        var name = NewName();

        var problem = await (await client.PostAsync($"/api/v1/datasets/{name}/versions{query}", Csv(Encoding.UTF8.GetBytes("x,y\n1,2\n3,4\n"))))
            .ExpectAsync(400);

        Assert.Contains(expected, problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await (await client.GetAsync($"/api/v1/datasets/{name}/versions/1")).ExpectAsync(404);
    }

    [Fact]
    public async Task Each_part_downloads_as_csv_and_together_they_are_the_file_row_for_row()
    {
        using var client = await factory.UserAsync("DataScientist");
        var file = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        var name = NewName();
        await (await client.PostAsync($"/api/v1/datasets/{name}/versions?splitSeed=7", Csv(Encoding.UTF8.GetBytes(file)))).ExpectAsync(201);

        var parts = new Dictionary<string, string[]>();
        foreach (var part in new[] { "train", "validation", "test" })
        {
            using var response = await client.GetAsync($"/api/v1/datasets/{name}/versions/1/content?split={part}");
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            parts[part] = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        var lines = file.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.All(parts.Values, p => Assert.Equal(lines[0], p[0]));
        Assert.Equal([399, 85, 85], parts.Values.Select(p => p.Length - 1));
        Assert.Equal(lines[1..].Order(), parts.Values.SelectMany(p => p[1..]).Order());
        var again = await client.GetStringAsync($"/api/v1/datasets/{name}/versions/1/content?split=test");
        Assert.Equal(parts["test"], again.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_column_split_part_holds_the_rows_marked_for_it_and_an_unknown_part_is_400()
    {
        using var client = await factory.UserAsync("DataScientist");
        var name = NewName();
        await (await client.PostAsync($"/api/v1/datasets/{name}/versions?splitColumn=part", Csv("x,part\n1,train\n2,test\n3,train\n"u8.ToArray())))
            .ExpectAsync(201);

        var train = await client.GetStringAsync($"/api/v1/datasets/{name}/versions/1/content?split=train");
        var problem = await (await client.GetAsync($"/api/v1/datasets/{name}/versions/1/content?split=holdout")).ExpectAsync(400);

        Assert.Equal("x,part\n1,train\n3,train\n", train.ReplaceLineEndings("\n"));
        Assert.Contains("train, validation, test", problem["errors"]!["split"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
