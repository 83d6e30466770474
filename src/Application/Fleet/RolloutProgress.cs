using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

/// <summary>Counts a rollout's devices by wave and status in one grouped query, and the figures its gate judges.</summary>
public static class RolloutProgress
{
    private sealed record Row(int Wave, RolloutDeviceStatus Status, int Count, long Inferences, long Errors, double? P95, double? PreviousP95);

    public static async Task<IReadOnlyList<WaveProgressDto>> OfAsync(this IPlatformDbContext db, Rollout rollout, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(db, rollout.Id, null, cancellationToken);
        var waves = new List<WaveProgressDto>();
        var before = 0;
        for (var wave = 0; wave < rollout.Waves.Count; wave++)
        {
            var size = Math.Max(0, rollout.Waves[wave].Cumulative(rollout.TotalDevices) - before);
            before += size;
            var of = rows.Where(r => r.Wave == wave).ToList();
            int Count(RolloutDeviceStatus s) => of.Where(r => r.Status == s).Sum(r => r.Count);
            var given = of.Sum(r => r.Count);
            var p95s = of.Where(r => r.P95 is not null).ToList();
            waves.Add(new WaveProgressDto(
                wave + 1, size, Math.Max(0, size - given), Count(RolloutDeviceStatus.Assigned), Count(RolloutDeviceStatus.Downloading), Count(RolloutDeviceStatus.Applied),
                Count(RolloutDeviceStatus.Healthy), Count(RolloutDeviceStatus.Failed), Count(RolloutDeviceStatus.RollingBack), Count(RolloutDeviceStatus.RolledBack),
                of.Sum(r => r.Inferences), of.Sum(r => r.Errors), p95s.Count == 0 ? null : p95s.Sum(r => r.P95!.Value * r.Count) / p95s.Sum(r => r.Count)));
        }

        return waves;
    }

    /// <summary>The current wave's figures for its gate: size, healthy, failed, inferences, errors, mean p95 now and on the previous version.</summary>
    public static async Task<WaveFigures> CurrentWaveAsync(this IPlatformDbContext db, Rollout rollout, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(db, rollout.Id, rollout.CurrentWave, cancellationToken);
        var size = rows.Sum(r => r.Count);
        double? Mean(Func<Row, double?> of) =>
            rows.Where(r => of(r) is not null).Sum(r => r.Count) is var n and > 0 ? rows.Where(r => of(r) is not null).Sum(r => of(r)!.Value * r.Count) / n : null;
        return new WaveFigures(
            size, rows.Where(r => r.Status == RolloutDeviceStatus.Healthy).Sum(r => r.Count), rows.Where(r => r.Status == RolloutDeviceStatus.Failed).Sum(r => r.Count),
            rows.Sum(r => r.Inferences), rows.Sum(r => r.Errors), Mean(r => r.P95), Mean(r => r.PreviousP95));
    }

    private static async Task<List<Row>> RowsAsync(IPlatformDbContext db, Guid rolloutId, int? wave, CancellationToken cancellationToken)
    {
        var targets = db.RolloutTargets.AsNoTracking().Where(t => t.RolloutId == rolloutId);
        if (wave is { } only)
        {
            targets = targets.Where(t => t.Wave == only);
        }

        var grouped = await targets.GroupBy(t => new { t.Wave, t.Status })
            .Select(g => new
            {
                g.Key.Wave, g.Key.Status, Count = g.Count(), Inferences = g.Sum(t => t.Inferences), Errors = g.Sum(t => t.Errors),
                P95 = g.Average(t => t.P95Milliseconds), PreviousP95 = g.Average(t => t.PreviousP95Milliseconds),
            })
            .ToListAsync(cancellationToken);
        return [.. grouped.Select(g => new Row(g.Wave, g.Status, g.Count, g.Inferences, g.Errors, g.P95, g.PreviousP95))];
    }
}
