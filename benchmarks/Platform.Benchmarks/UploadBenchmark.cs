using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Benchmarks;

/// <summary>
/// Issue 14, item 9: a 200 MB CSV (2.3 million rows: an id, 8 numeric columns with a few typos and missing cells, two
/// categorical columns, a 0/1 label) uploaded to the embedded host, started as its own process (<c>dotnet
/// Platform.Host.dll</c>, Release, a scratch working folder) after one small warm-up upload, with <c>Prefer:
/// respond-async</c>: upload_s is the time to the 202 (the file hashed and on the disk, its version recorded);
/// profiled_s the time until the version is Ready (read, profiled and split in the background). The host's memory is
/// read from outside, <c>/proc/PID/status</c>: VmRSS before, VmHWM over upload and profiling (the peak, reset just
/// before through <c>clear_refs</c>) and VmRSS 10 s after it is Ready. raw_copy_s copies the same file to another file
/// in this process and flushes it to the disk, as the store does (read and write 128 KiB at a time, then fsync);
/// raw_copy_cached_s is the same copy without the flush (page cache only). ratio = upload_s / raw_copy_s. Goals: peak
/// growth under 300 MB, ratio at most 3. Three rounds (each a flushed copy, an upload profiled to Ready, a cached copy),
/// medians; the peak is over all three.
/// </summary>
internal static class UploadBenchmark
{
    private const long TargetBytes = 200L * 1000 * 1000;
    private const int Rounds = 3;

    public static async Task<object> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("platform-upload-bench").FullName;
        try
        {
            var csv = Path.Combine(folder, "large.csv");
            Generate(csv);
            await using var host = await HostProcess.StartAsync(Path.Combine(folder, "host"));
            using var client = await host.SignedInClientAsync();
            await ReadyAsync(client, await UploadAsync(client, "warm-up", Encoding.UTF8.GetBytes("a,b,label\n1,x,0\n2,y,1\n3,x,0\n")));
            var body = File.ReadAllBytes(csv);

            var before = host.Memory().RssMb;
            host.ResetPeak();
            List<double> uploads = [], profiled = [], raw = [], cached = [];
            JsonObject? version = null;
            for (var round = 0; round < Rounds; round++)
            {
                // Alternated with the upload, so that a busy moment of the machine is shared between both sides.
                raw.Add(RawCopy(csv, Path.Combine(folder, $"copy-{round}.csv"), flush: true));
                var clock = Stopwatch.StartNew();
                var location = await UploadAsync(client, $"large-{round}", body);
                uploads.Add(clock.Elapsed.TotalSeconds);
                version = await ReadyAsync(client, location);
                profiled.Add(clock.Elapsed.TotalSeconds);
                cached.Add(RawCopy(csv, Path.Combine(folder, $"copy-cached-{round}.csv"), flush: false));
            }

            var peak = host.Memory().PeakMb;
            await Task.Delay(TimeSpan.FromSeconds(10));
            var after = host.Memory().RssMb;
            Console.Error.WriteLine($"uploaded {version!["rowCount"]} rows; findings: {version["profile"]!["findings"]!.AsArray().Count}");
            Console.Error.WriteLine($"upload_s {string.Join(" ", uploads.Select(Round))}; raw_copy_s {string.Join(" ", raw.Select(Round))}");
            var (uploadSeconds, rawSeconds) = (Median(uploads), Median(raw));
            return new
            {
                mb = (int)(new FileInfo(csv).Length / 1_000_000),
                upload_s = Round(uploadSeconds),
                profiled_s = Round(Median(profiled)),
                rss_before_mb = before,
                peak_rss_mb = peak,
                rss_after_mb = after,
                raw_copy_s = Round(rawSeconds),
                raw_copy_cached_s = Round(Median(cached)),
                ratio = Math.Round(uploadSeconds / rawSeconds, 2),
            };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <returns>The new version's address (the 202's Location).</returns>
    private static async Task<string> UploadAsync(HttpClient client, string name, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/datasets/{name}/versions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.TryAddWithoutValidation("Prefer", "respond-async");
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Accepted && response.Headers.Location is { } location
            ? location.OriginalString
            : throw new InvalidOperationException($"upload {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonObject> ReadyAsync(HttpClient client, string location)
    {
        while (true)
        {
            var version = (await client.GetFromJsonAsync<JsonObject>(location))!;
            switch (version["status"]!.GetValue<string>())
            {
                case "Ready":
                    return version;
                case "Failed":
                    throw new InvalidOperationException($"profiling {location} failed: {version["problem"]}");
                default:
                    await Task.Delay(20);
                    break;
            }
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Round(double seconds) => Math.Round(seconds, 3);

    private static double RawCopy(string source, string target, bool flush)
    {
        var clock = Stopwatch.StartNew();
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024))
        using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 128 * 1024))
        {
            input.CopyTo(output, 128 * 1024);
            if (flush)
            {
                output.Flush(flushToDisk: true);
            }
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
