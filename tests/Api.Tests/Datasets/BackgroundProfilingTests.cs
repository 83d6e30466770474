using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Application.Common.Interfaces;
using Platform.Application.Datasets.Profiling;
using Platform.Domain.Datasets;
using static Platform.Api.Tests.Datasets.DatasetsApiTests;

namespace Platform.Api.Tests.Datasets;

/// <summary>
/// An upload sent with <c>Prefer: respond-async</c> is answered once its file is stored; the platform profiles it in the
/// background, and a version left unprofiled by a stopped host is profiled when the host starts again.
/// </summary>
public sealed class BackgroundProfilingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_upload_preferring_respond_async_is_202_at_once_and_becomes_ready_with_the_profile_a_waiting_upload_gets()
    {
        using var client = await factory.UserAsync("DataScientist");
        var name = NewName();
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));

        using var response = await client.SendAsync(Upload(name, file));
        var accepted = await response.ExpectAsync(202);

        Assert.Equal("respond-async", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        Assert.Equal($"/api/v1/datasets/{name}/versions/1", response.Headers.Location!.OriginalString);
        Assert.Equal("Profiling", accepted["status"]!.GetValue<string>());
        Assert.Equal(0, accepted["rowCount"]!.GetValue<int>());
        Assert.Null(accepted["profile"]);
        Assert.InRange(accepted["profiledFraction"]!.GetValue<double>(), 0, 1);

        var ready = await SettledAsync(client, response.Headers.Location.OriginalString);
        Assert.Equal("Ready", ready["status"]!.GetValue<string>());
        Assert.Null(ready["profiledFraction"]);
        Assert.Equal(569, ready["rowCount"]!.GetValue<int>());
        var waited = await (await client.PostAsync($"/api/v1/datasets/{name}/versions", Csv(file))).ExpectAsync(201);
        Assert.Equal("Ready", waited["status"]!.GetValue<string>());
        Assert.Equal(waited["profile"]!.ToJsonString(), ready["profile"]!.ToJsonString());
        Assert.Equal(waited["split"]!.ToJsonString(), ready["split"]!.ToJsonString());
        using var train = await client.GetAsync($"/api/v1/datasets/{name}/versions/1/content?split=train");
        Assert.Equal(ready["split"]!["rows"]!["train"]!.GetValue<int>() + 1, (await train.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task A_bad_file_profiled_in_the_background_ends_failed_naming_the_row_and_its_parts_are_refused()
    {
        using var client = await factory.UserAsync("DataScientist");
        var name = NewName();

        using var response = await client.SendAsync(Upload(name, Encoding.UTF8.GetBytes("a,b\n1,2\n3\n")));
        await response.ExpectAsync(202);

        var failed = await SettledAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Contains("Row 3", failed["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = await (await client.GetAsync($"/api/v1/datasets?name={name}")).ExpectAsync(200);
        Assert.Equal("Failed", listed["items"]![0]!["status"]!.GetValue<string>());
        var refused = await (await client.GetAsync($"/api/v1/datasets/{name}/versions/1/content?split=train")).ExpectAsync(409);
        Assert.Equal("dataset.not-ready", refused["code"]!.GetValue<string>());
        Assert.Contains("Row 3", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_left_profiling_when_the_host_stopped_is_profiled_when_it_starts_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "platform-tests", Guid.NewGuid().ToString("N"));
        var name = NewName();
        try
        {
            await ProfileAfterARestartAsync(folder, name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ProfileAfterARestartAsync(string folder, string name)
    {
        await using (var first = new ApiFactory().With("Platform:DataDirectory", folder))
        {
            using var warm = await first.UserAsync("DataScientist");
            await using var scope = first.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IArtifactStore>();
            var blob = await store.SaveAsync(new MemoryStream("x,y\n1,a\n2,b\n3,a\n"u8.ToArray()), 1024, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<IPlatformDbContext>();
            db.DatasetVersions.Add(DatasetVersion.Receive(
                name, 1, "csv", blob.Sha256, blob.SizeBytes, PendingSplit.ToJson(new DatasetSplitRequest()), "alice", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(CancellationToken.None);
        }

        await using var second = new ApiFactory().With("Platform:DataDirectory", folder);
        using var client = await second.UserAsync("DataScientist");
        var ready = await SettledAsync(client, $"/api/v1/datasets/{name}/versions/1");

        Assert.Equal("Ready", ready["status"]!.GetValue<string>());
        Assert.Equal(3, ready["rowCount"]!.GetValue<int>());
        Assert.Equal(2, ready["columnCount"]!.GetValue<int>());
    }

    private static HttpRequestMessage Upload(string name, byte[] content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/datasets/{name}/versions") { Content = Csv(content) };
        request.Headers.TryAddWithoutValidation("Prefer", "respond-async, wait=10");
        return request;
    }

    /// <summary>Reads the version until it is no longer Profiling (at most 60 s: the profiler works in the background).</summary>
    internal static async Task<JsonNode> SettledAsync(HttpClient client, string location)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var version = await (await client.GetAsync(location)).ExpectAsync(200);
            if (version["status"]!.GetValue<string>() != "Profiling" || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return version;
            }

            await Task.Delay(50);
        }
    }
}
