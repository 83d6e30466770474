using System.Text;
using Microsoft.Extensions.Logging;
using Platform.Edge.Federated;
using Platform.Edge.Tests.Support;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// No row leaves a site (docs/decisions/ADR-009): after a federation ran over the real Api, nothing the server keeps (its
/// SQLite files, its artefact store: everything under its data folder) or logs (every entry, Trace and up) holds a row of
/// one site's file, as text or as numbers, whole or any distinctive run of its pixels. The search is shown to work first:
/// it finds what is known to be there (the dataset's and the federation's names, the model, the requests), and every trace
/// in a copy of the site's file in each encoding searched.
/// </summary>
public sealed class DataStaysLocalTests : IAsyncLifetime
{
    private const int Sites = 5, Rounds = 2;
    private readonly CapturedLogs _logs = new();
    private readonly TempDirectory _site = new();
    private readonly FederatedPlatform _platform;

    public DataStaysLocalTests() => _platform = new FederatedPlatform(_logs);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        _site.Dispose();
    }

    [Fact]
    public async Task After_a_federation_no_row_of_a_site_s_file_is_in_the_server_s_database_artefacts_or_logs()
    {
        var (dataset, name) = ($"clinic-{Guid.NewGuid():N}"[..15], $"stays-local-{Guid.NewGuid():N}");
        var parts = new FederatedDigits().Parts(Sites, alpha: 1);
        var file = Path.Combine(_site.Path, "site-0.csv");
        await File.WriteAllLinesAsync(file, [string.Join(',', parts[0].ColumnNames), .. parts[0].Rows.Select(r => string.Join(',', r))]);
        using var admin = await _platform.AdminAsync();
        var enrolled = await _platform.EnrolAsync(admin, Sites, new { plant = "local" });
        IReadOnlyList<LocalDataset> data = [LocalDataset.FromCsv(dataset, file, FederatedDigits.Label), .. parts.Skip(1).Select((p, i) => new LocalDataset(dataset, p, FederatedDigits.Label, seed: i + 1))];
        var sites = enrolled.Zip(data, (e, d) => new FederatedSite(e.Client.Sender(), [d])).ToList();
        foreach (var site in sites)
        {
            await site.RegisterDatasetsAsync(CancellationToken.None);
        }

        var id = await admin.StartFederationAsync(name, new
        {
            dataset, labelColumn = FederatedDigits.Label, selector = "plant=local", rounds = Rounds, sampling = new { fraction = 1.0, minSites = Sites }, quorum = Sites,
        }, enrolled.Select(e => e.Id));
        var done = await FederatedRun.DriveAsync(admin, id, sites, TimeSpan.FromMinutes(2), concurrency: 1);
        Assert.Equal(("Completed", Rounds), (done.GetProperty("state").GetString(), done.GetProperty("completedRounds").GetInt32()));
        var model = await admin.GetByteArrayAsync($"/api/v1/runs/{done.GetProperty("runId").GetGuid()}/artifacts/model.onnx");

        var lines = File.ReadLines(file).Skip(1).ToList();
        var traces = RowTraces.Of(lines, "site 0's file");
        var stored = Directory.EnumerateFiles(_platform.DataDirectory, "*", SearchOption.AllDirectories).Select(path => (Path: path, Bytes: Read(path))).ToList();
        var logged = Encoding.UTF8.GetBytes(string.Join('\n', _logs.Entries.Select(e => e.Text)));

        // The search finds what is there: the names in the database, the model in the artefact store, the requests in the logs at Debug.
        AssertFound(stored, dataset, "the site's dataset name");
        AssertFound(stored, name, "the federation's name");
        Assert.Contains(stored, f => f.Path.StartsWith(Path.Combine(_platform.DataDirectory, "artifacts"), StringComparison.Ordinal) && f.Bytes.AsSpan().IndexOf(model.AsSpan(model.Length / 2, 64)) >= 0);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Debug);
        Assert.True(logged.AsSpan().IndexOf(Encoding.UTF8.GetBytes($"/api/v1/fleet/device/datasets/{dataset}")) >= 0, "the logs do not show the sites' dataset registrations");
        // ... and would find every trace if the rows were there, in every encoding it searches.
        var (csv, spaced) = (string.Join('\n', lines), string.Join('\n', lines.Select(l => l.Replace(",", ", ", StringComparison.Ordinal))));
        var copies = new[] { Encoding.UTF8.GetBytes(csv), Encoding.Unicode.GetBytes(csv), Encoding.UTF8.GetBytes(spaced), Encoding.Unicode.GetBytes(spaced), RowTraces.AsMatrix(lines, float64: false), RowTraces.AsMatrix(lines, float64: true) };
        Assert.Equal(traces.Count, copies.SelectMany(c => RowTraces.FoundIn(traces, c)).Distinct().Count());
        Assert.True(traces.Count > 10 * lines.Count, $"only {traces.Count} traces of {lines.Count} rows");

        var inStore = stored.SelectMany(f => RowTraces.FoundIn(traces, f.Bytes).Select(t => $"{t.What} ({t.Encoding}) in {Path.GetRelativePath(_platform.DataDirectory, f.Path)}")).ToList();
        var inLogs = RowTraces.FoundIn(traces, logged).Select(t => $"{t.What} ({t.Encoding}) in the logs").ToList();
        Assert.True(inStore.Count + inLogs.Count == 0, $"{inStore.Count + inLogs.Count} traces of site 0's rows left it: {string.Join("; ", inStore.Concat(inLogs).Take(10))}");
    }

    private static void AssertFound(List<(string Path, byte[] Bytes)> stored, string text, string what) =>
        Assert.True(stored.Any(f => f.Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0), $"{what} ('{text}') is in none of the {stored.Count} files under the data folder");

    /// <summary>A file as it is now, while the Api still has it open (the database and its write-ahead log).</summary>
    private static byte[] Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
