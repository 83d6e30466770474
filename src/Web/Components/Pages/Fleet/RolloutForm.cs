using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Fleet;

/// <summary>
/// The new-rollout form as typed: what to roll out and where, the waves (percent or count, cumulative), the rate, the gate between
/// waves, each device's own health check, and what a failed gate does. The Api judges it; the form only reads it into a plan.
/// </summary>
public sealed class RolloutForm
{
    public static readonly IReadOnlyList<string> Environments = ["Production", "Staging"];

    public static readonly IReadOnlyList<string> FailurePolicies = ["Rollback", "Pause"];

    public sealed class WaveRow
    {
        public bool ByCount { get; set; }
        public double? Value { get; set; }
    }

    public string? Model { get; set; }
    public int? Version { get; set; }
    public string Environment { get; set; } = "Production";
    public string? Selector { get; set; }
    public List<WaveRow> Waves { get; } = [new() { Value = 1 }, new() { Value = 10 }, new() { Value = 50 }, new() { Value = 100 }];
    public int? DevicesPerMinute { get; set; }
    public double Growth { get; set; } = 1.0;
    public HealthGateInfo Gate { get; set; } = new();
    public LocalHealthInfo HealthCheck { get; set; } = new();
    public string OnFailure { get; set; } = "Rollback";

    /// <summary>Whether it waits for an Approver's approval before any device gets the version.</summary>
    public bool RequireApproval { get; set; }

    public double MinReportingPercent { get => Gate.MinReportingPercent; set => Gate = Gate with { MinReportingPercent = value }; }
    public double MaxFailurePercent { get => Gate.MaxFailurePercent; set => Gate = Gate with { MaxFailurePercent = value }; }
    public double? MaxErrorRate { get => Gate.MaxErrorRate; set => Gate = Gate with { MaxErrorRate = value }; }
    public double? MaxP95Ratio { get => Gate.MaxP95Ratio; set => Gate = Gate with { MaxP95Ratio = value }; }
    public int TimeoutSeconds { get => Gate.TimeoutSeconds; set => Gate = Gate with { TimeoutSeconds = value }; }
    public int WindowSeconds { get => HealthCheck.WindowSeconds; set => HealthCheck = HealthCheck with { WindowSeconds = value }; }
    public int MinInferences { get => HealthCheck.MinInferences; set => HealthCheck = HealthCheck with { MinInferences = value }; }
    public double? LocalMaxErrorRate { get => HealthCheck.MaxErrorRate; set => HealthCheck = HealthCheck with { MaxErrorRate = value }; }
    public double? LocalMaxP95Milliseconds { get => HealthCheck.MaxP95Milliseconds; set => HealthCheck = HealthCheck with { MaxP95Milliseconds = value }; }

    /// <summary>What must be there before the Api is asked at all; everything else is the Api's to judge.</summary>
    public IReadOnlyDictionary<string, string[]> Missing()
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Model))
        {
            missing["model"] = ["Name the model to roll out."];
        }

        if (Version is null)
        {
            missing["version"] = ["Pick the version to roll out."];
        }

        return missing;
    }

    public RolloutPlan ToPlan() => new(
        Model!.Trim(), Version!.Value, Environment, Selector?.Trim() ?? "",
        [.. Waves.Select(w => w.ByCount ? new WaveInfo(null, w.Value is { } c ? (int)Math.Round(c) : null) : new WaveInfo(w.Value, null))],
        new RolloutRateInfo(DevicesPerMinute, Growth), Gate, HealthCheck, OnFailure, RequireApproval);

    /// <summary>The Api's complaint about one field of the plan, whatever the case it wrote the field's name in.</summary>
    public static string? Complaint(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages ? string.Join(" ", messages) : null;

    /// <summary>Whether the form shows the Api's complaint about <paramref name="field"/> beside a field of its own.</summary>
    public bool Shows(string field) =>
        Shown.Contains(field, StringComparer.OrdinalIgnoreCase) || (field.StartsWith("waves[", StringComparison.OrdinalIgnoreCase) && WaveOf(field) is { } i && i < Waves.Count);

    /// <summary>The wave a field such as <c>waves[1].percent</c> is about.</summary>
    public static int? WaveOf(string field)
    {
        var end = field.IndexOf(']', StringComparison.Ordinal);
        return field.StartsWith("waves[", StringComparison.OrdinalIgnoreCase) && end > 6 && int.TryParse(field[6..end], out var i) ? i : null;
    }

    private static readonly string[] Shown =
    [
        "model", "version", "environment", "selector", "waves", "onFailure", "rate.devicesPerMinute", "rate.growth", "gate.minReportingPercent",
        "gate.maxFailurePercent", "gate.maxErrorRate", "gate.maxP95Ratio", "gate.timeoutSeconds", "healthCheck.windowSeconds", "healthCheck.minInferences",
        "healthCheck.maxErrorRate", "healthCheck.maxP95Milliseconds", "requireApproval",
    ];
}
