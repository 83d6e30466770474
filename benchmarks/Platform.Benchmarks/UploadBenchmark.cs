using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Benchmarks;

/// <summary>
/// Issue 14, item 9: a 200 MB CSV (2.3 million rows: an id, 8 numeric columns with a few typos and missing cells, two
/// categorical columns, a 0/1 label) uploaded to the embedded host, started as its own process (<c>dotnet
/// Platform.Host.dll</c>, Release, a scratch working folder) after one small warm-up upload. The host's memory is read
/// from outside, <c>/proc/PID/status</c>: VmRSS before, VmHWM (the peak, reset just before the upload through
/// <c>clear_refs</c>) and VmRSS 10 s after. raw_copy_s copies the same file to another file in this process (read and
/// write, 128 KiB at a time: the disk's own cost). ratio = upload_s / raw_copy_s. Goals: peak growth under 300 MB,
/// ratio at most 3.
/// </summary>
internal static class UploadBenchmark
{
    private const long TargetBytes = 200L * 1000 * 1000;

    public static async Task<object> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("platform-upload-bench").FullName;
        try
        {
            var csv = Path.Combine(folder, "large.csv");
            Generate(csv);
            await using var host = await HostProcess.StartAsync(Path.Combine(folder, "host"));
            using var client = await host.SignedInClientAsync();
            await UploadAsync(client, "warm-up", Encoding.UTF8.GetBytes("a,b,label\n1,x,0\n2,y,1\n3,x,0\n"));

            var before = host.Memory().RssMb;
            host.ResetPeak();
            var clock = Stopwatch.StartNew();
            var version = await UploadAsync(client, "large", File.ReadAllBytes(csv));
            var uploadSeconds = clock.Elapsed.TotalSeconds;
            var peak = host.Memory().PeakMb;
            await Task.Delay(TimeSpan.FromSeconds(10));
            var after = host.Memory().RssMb;
            Console.Error.WriteLine($"uploaded {version["rowCount"]} rows; findings: {version["profile"]!["findings"]!.AsArray().Count}");

            var rawSeconds = RawCopy(csv, Path.Combine(folder, "copy.csv"));
            return new
            {
                mb = (int)(new FileInfo(csv).Length / 1_000_000),
                upload_s = Math.Round(uploadSeconds, 3),
                rss_before_mb = before,
                peak_rss_mb = peak,
                rss_after_mb = after,
                raw_copy_s = Math.Round(rawSeconds, 3),
                ratio = Math.Round(uploadSeconds / rawSeconds, 2),
            };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonObject> UploadAsync(HttpClient client, string name, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync($"/api/v1/datasets/{name}/versions", content);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode ? answer! : throw new InvalidOperationException($"upload {name}: {(int)response.StatusCode} {answer}");
    }

    private static double RawCopy(string source, string target)
    {
        var clock = Stopwatch.StartNew();
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024))
        using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 128 * 1024))
        {
            input.CopyTo(output, 128 * 1024);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static void Generate(string path)
    {
        string[] cities = [.. Enumerable.Range(0, 50).Select(i => $"city-{i:D2}")];
        string[] segments = ["retail", "sme", "corporate", "public", "private banking"];
        var random = new Random(42);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,x1,x2,x3,x4,x5,x6,x7,x8,city,segment,label\n");
        var row = new StringBuilder();
        for (var i = 0; writer.BaseStream.Length < TargetBytes; i++)
        {
            row.Clear().Append(i.ToString(CultureInfo.InvariantCulture));
            for (var x = 0; x < 8; x++)
            {
                var cell = i % 9973 == x ? "13.2x" : i % 101 == x ? "" : (random.NextDouble() * 100).ToString("F3", CultureInfo.InvariantCulture);
                row.Append(',').Append(cell);
            }

            row.Append(',').Append(cities[random.Next(cities.Length)]).Append(',').Append(segments[random.Next(segments.Length)])
                .Append(',').Append(random.Next(2).ToString(CultureInfo.InvariantCulture)).Append('\n');
            writer.Write(row);
        }
    }
}
