using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Datasets;

/// <summary>Issue 14, item 7: an upload reports what is wrong with the data in its profile, naming the file's rows.</summary>
public sealed class DatasetFindingsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_typo_in_a_numeric_column_keeps_it_numeric_and_is_a_finding_naming_the_file_row()
    {
        using var client = await factory.UserAsync("DataScientist");
        var csv = new StringBuilder("length,unit,label\n");
        for (var i = 0; i < 40; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{(i == 25 ? "13.2x" : (10 + (i * 0.1)).ToString(CultureInfo.InvariantCulture))},cm,{i % 2}\n");
        }

        var created = await (await client.PostAsync($"/api/v1/datasets/typo-{Guid.NewGuid():N}/versions", Csv(csv.ToString()))).ExpectAsync(201);

        var length = created["profile"]!["columns"]![0]!;
        Assert.Equal(("Numeric", 39, 1), (length["kind"]!.GetValue<string>(), length["count"]!.GetValue<int>(), length["notNumeric"]!.GetValue<int>()));
        var findings = created["profile"]!["findings"]!.AsArray();
        var typo = findings.Single(f => f!["issue"]!.GetValue<string>() == "NotNumeric")!;
        Assert.Equal("length", typo["column"]!.GetValue<string>());
        Assert.Equal([27L], typo["rows"]!.AsArray().Select(r => r!.GetValue<long>()));
        Assert.Equal(["13.2x"], typo["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains(findings, f => f!["issue"]!.GetValue<string>() == "Constant" && f["column"]!.GetValue<string>() == "unit");
    }

    private static ByteArrayContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
