using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Application.Common.Auditing;
using Platform.Domain.Auditing;

namespace Platform.Benchmarks;

/// <summary>
/// The audit trail's cost. Overhead: the same command (PATCH an experiment's description, over HTTP on loopback)
/// against two Api servers in this process, one as shipped and one composed with the audit off, 1,000 calls each after
/// 100 warm-up, alternating; ratio of the medians. Verification: 1,000,000 sealed events (hash-chained as the sealer
/// does) written straight into a fresh database, then GET /api/v1/audit/verify timed.
/// </summary>
internal static class AuditBenchmark
{
    private const int Calls = 1000;
    private const int WarmUp = 100;
    private const int Events = 1_000_000;

    public static async Task<object> RunAsync()
    {
        var ratio = await OverheadAsync();
        var perSecond = await VerifyAsync();
        return new { overhead_ratio = Math.Round(ratio, 3), verify_events_per_s = Math.Round(perSecond) };
    }

    private static async Task<double> OverheadAsync()
    {
        await using var audited = await BenchmarkServer.StartAsync();
        await using var plain = await BenchmarkServer.StartAsync(s => s.Replace(ServiceDescriptor.Scoped(_ => new AuditScope { Enabled = false })));
        var sides = new[] { (Client: await audited.AdminClientAsync(), Times: new List<double>()), (Client: await plain.AdminClientAsync(), Times: new List<double>()) };
        var experiments = new List<string>();
        foreach (var side in sides)
        {
            experiments.Add(await side.Client.CreateAsync("/api/v1/experiments", new { name = "audited-" + Guid.NewGuid().ToString("N")[..6] }));
        }

        for (var i = 0; i < WarmUp + Calls; i++)
        {
            for (var s = 0; s < sides.Length; s++)
            {
                var clock = Stopwatch.StartNew();
                var response = await sides[s].Client.PatchAsJsonAsync($"/api/v1/experiments/{experiments[s]}", new { description = $"call {i}" });
                response.EnsureSuccessStatusCode();
                if (i >= WarmUp)
                {
                    sides[s].Times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        var (with, without) = (Median(sides[0].Times), Median(sides[1].Times));
        var recorded = (await sides[0].Client.GetFromJsonAsync<JsonObject>("/api/v1/audit?action=UpdateExperiment&limit=500"))!["items"]!.AsArray().Count;
        Console.WriteLine($"PATCH experiment median: {with:F3} ms audited ({recorded}+ events), {without:F3} ms without the audit");
        return with / without;
    }

    private static async Task<double> VerifyAsync()
    {
        await using var server = await BenchmarkServer.StartAsync();
        using var client = await server.AdminClientAsync();
        var clock = Stopwatch.StartNew();
        await WriteChainAsync(server.DatabasePath);
        Console.WriteLine($"wrote {Events:N0} sealed events in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var verification = (await client.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify"))!;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"verified in {seconds:F2} s: {verification.ToJsonString()}");
        return verification["intact"]!.GetValue<bool>() && verification["sealedEvents"]!.GetValue<long>() >= Events
            ? Events / seconds
            : throw new InvalidOperationException("the written chain did not verify: " + verification.ToJsonString());
    }

    /// <summary>Events after those the server recorded itself, sealed as the sealer seals them.</summary>
    private static async Task WriteChainAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using (var wait = connection.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout = 10000";
            await wait.ExecuteNonQueryAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // the server's own events (sign-in, bootstrap) get sealed first
        await using var last = connection.CreateCommand();
        last.CommandText = "SELECT Sequence, Hash FROM AuditEvents WHERE Hash IS NOT NULL ORDER BY Sequence DESC LIMIT 1";
        long sequence = 0;
        var previous = AuditEvent.Genesis;
        await using (var reader = await last.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                (sequence, previous) = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        var setSequence = typeof(AuditEvent).GetProperty(nameof(AuditEvent.Sequence))!.GetSetMethod(nonPublic: true)!;
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO AuditEvents (Sequence, At, Actor, Action, EntityType, EntityId, Summary, TraceId, SourceAddress, Hash) "
            + "VALUES ($s, $at, $actor, $action, $type, $id, $summary, $trace, NULL, $hash)";
        var p = new[] { "$s", "$at", "$actor", "$action", "$type", "$id", "$summary", "$trace", "$hash" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Prepare();
        // As stored: the SQLite context keeps a DateTimeOffset in EF's binary form, which drops the lowest bits of the ticks.
        var at = (DateTimeOffset)Converter.ConvertFromProvider(Converter.ConvertToProvider(DateTimeOffset.UtcNow))!;
        for (var i = 0; i < Events; i++)
        {
            var audit = AuditEvent.Record(at, "user-" + (i % 50), "UpdateExperiment", "Experiment", Guid.NewGuid().ToString(),
                "{\"records\":[{\"type\":\"Experiment\",\"change\":\"Modified\",\"properties\":{\"Description\":{\"before\":\"call " + (i - 1) + "\",\"after\":\"call " + i + "\"}}}],\"more\":0}",
                "0af7651916cd43dd8448eb211c80319c", null, null);
            setSequence.Invoke(audit, [++sequence]);
            audit.Seal(previous);
            previous = audit.Hash!;
            p[0].Value = sequence;
            p[1].Value = DateTimeOffsetBinary(at);
            (p[2].Value, p[3].Value, p[4].Value, p[5].Value, p[6].Value, p[7].Value, p[8].Value) =
                (audit.Actor, audit.Action, audit.EntityType, audit.EntityId, audit.Summary, audit.TraceId, audit.Hash);
            insert.ExecuteNonQuery();
        }

        await transaction.CommitAsync();
    }

    /// <summary>How the SQLite context stores a DateTimeOffset.</summary>
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter Converter = new();

    private static long DateTimeOffsetBinary(DateTimeOffset value) => (long)Converter.ConvertToProvider(value)!;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
