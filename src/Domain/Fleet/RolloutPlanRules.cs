namespace Platform.Domain.Fleet;

/// <summary>What is wrong with a rollout's plan, each problem with the field it is about: none when it is fine.</summary>
public static class RolloutPlanRules
{
    public const int MaxWaves = 20;

    public static IReadOnlyList<(string Field, string Reason)> Problems(IReadOnlyList<Wave>? waves, RolloutRate? rate, HealthGate? gate, LocalHealthLimits? health)
    {
        var problems = new List<(string, string)>();
        if (waves is null || waves.Count == 0 || waves.Count > MaxWaves)
        {
            problems.Add(("waves", $"must hold 1-{MaxWaves} waves, e.g. [{{\"percent\":1}},{{\"percent\":10}},{{\"percent\":100}}]"));
        }
        else
        {
            WaveProblems(waves, problems);
        }

        if (rate is { DevicesPerMinute: < 1 })
        {
            problems.Add(("rate.devicesPerMinute", "must be at least 1 (leave it out to give each wave's devices the version at once)"));
        }

        if (rate is { Growth: < 1 or > 100 } || rate?.Growth is double.NaN)
        {
            problems.Add(("rate.growth", "must be between 1 (steady) and 100"));
        }

        if (gate is not null)
        {
            Percent(gate.MinReportingPercent, "gate.minReportingPercent", problems);
            Percent(gate.MaxFailurePercent, "gate.maxFailurePercent", problems);
            Between(gate.MaxErrorRate, 0, 1, "gate.maxErrorRate", "must be a share between 0 and 1", problems);
            Between(gate.MaxP95Ratio, 0.01, 1000, "gate.maxP95Ratio", "must be a positive ratio to the previous version's p95 (1.2: at most 20 % slower)", problems);
            if (gate.TimeoutSeconds is < 1 or > 7 * 24 * 3600)
            {
                problems.Add(("gate.timeoutSeconds", "must be between 1 second and 7 days"));
            }
        }

        if (health is not null)
        {
            if (health.WindowSeconds is < 0 or > 24 * 3600)
            {
                problems.Add(("healthCheck.windowSeconds", "must be between 0 and 86400"));
            }

            if (health.MinInferences < 0)
            {
                problems.Add(("healthCheck.minInferences", "must not be negative"));
            }

            Between(health.MaxErrorRate, 0, 1, "healthCheck.maxErrorRate", "must be a share between 0 and 1", problems);
            Between(health.MaxP95Milliseconds, 0.001, 3_600_000, "healthCheck.maxP95Milliseconds", "must be a positive number of milliseconds", problems);
        }

        return problems;
    }

    private static void WaveProblems(IReadOnlyList<Wave> waves, List<(string, string)> problems)
    {
        double? lastPercent = null;
        int? lastCount = null;
        for (var i = 0; i < waves.Count; i++)
        {
            var (field, wave) = ($"waves[{i}]", waves[i]);
            if (wave is null || (wave.Percent is null) == (wave.Count is null))
            {
                problems.Add((field, "must give exactly one of percent (of the selected devices, cumulative) or count (devices, cumulative)"));
            }
            else if (wave.Percent is { } p && (p is <= 0 or > 100 || double.IsNaN(p)))
            {
                problems.Add(($"{field}.percent", "must be more than 0 and at most 100"));
            }
            else if (wave.Percent is { } more && lastPercent is { } before && more <= before)
            {
                problems.Add(($"{field}.percent", $"must be more than the wave before ({before} %): waves are cumulative"));
            }
            else if (wave.Count is { } c && c < 1)
            {
                problems.Add(($"{field}.count", "must be at least 1"));
            }
            else if (wave.Count is { } larger && lastCount is { } fewer && larger <= fewer)
            {
                problems.Add(($"{field}.count", $"must be more than the wave before ({fewer} devices): waves are cumulative"));
            }

            (lastPercent, lastCount) = (wave?.Percent ?? lastPercent, wave?.Count ?? lastCount);
        }
    }

    private static void Percent(double value, string field, List<(string, string)> problems) =>
        Between(value, 0, 100, field, "must be a percentage between 0 and 100", problems);

    private static void Between(double? value, double min, double max, string field, string reason, List<(string, string)> problems)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            problems.Add((field, reason));
        }
    }
}
