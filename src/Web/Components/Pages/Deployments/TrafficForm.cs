using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Deployments;

/// <summary>One version on the traffic split being edited.</summary>
public sealed class TrafficRow
{
    public int? Version { get; set; }
    public int Weight { get; set; }
    public bool Canary { get; set; }
}

/// <summary>
/// A new traffic split as the operator edits it. <see cref="Problems"/> keeps the Api's rules (distinct versions, weights
/// 0 to 1,000,000 with a positive sum, at most one canary, never a canary as the only version with traffic, a reason) and
/// names each problem by the field that shows it, so nothing the Api would refuse is sent.
/// </summary>
public sealed class TrafficForm
{
    public const int MaxVersions = 10;
    public const int MaxWeight = 1_000_000;
    public const int MaxReasonLength = 2000;

    public List<TrafficRow> Rows { get; set; } = [];
    public string? Reason { get; set; }

    /// <summary>The form filled with a revision's split (the active one), ready to be changed.</summary>
    public static TrafficForm From(RevisionInfo? revision) => new()
    {
        Rows = revision is null
            ? [new TrafficRow { Weight = 100 }]
            : [.. revision.Versions.Select(v => new TrafficRow { Version = v.Version, Weight = v.Weight, Canary = v.Canary })],
    };

    public int TotalWeight => Rows.Sum(r => r.Weight);

    /// <summary>A row's share of the traffic in percent (0 when the weights sum to nothing).</summary>
    public double Share(TrafficRow row) => TotalWeight <= 0 ? 0 : 100.0 * row.Weight / TotalWeight;

    /// <summary>Makes <paramref name="row"/> the one canary (or none, when it already was).</summary>
    public void ToggleCanary(TrafficRow row)
    {
        var on = !row.Canary;
        Rows.ForEach(r => r.Canary = false);
        row.Canary = on;
    }

    /// <summary>What must change before the split can be sent, by field (<c>rows[1].version</c>, <c>weights</c>, <c>canary</c>, <c>reason</c>).</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (Rows.Count is < 1 or > MaxVersions)
        {
            problems["rows"] = $"A deployment serves 1 to {MaxVersions} versions.";
        }

        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (row.Version is not > 0)
            {
                problems[$"rows[{i}].version"] = "Pick a version.";
            }
            else if (Rows.Take(i).Any(r => r.Version == row.Version))
            {
                problems[$"rows[{i}].version"] = $"Version {row.Version} is listed twice.";
            }

            if (row.Weight is < 0 or > MaxWeight)
            {
                problems[$"rows[{i}].weight"] = $"A weight is 0 to {MaxWeight:N0}.";
            }
        }

        if (Rows.Count > 0 && Rows.Sum(r => (long)r.Weight) <= 0)
        {
            problems["weights"] = "The weights sum to 0: at least one version needs traffic.";
        }

        var canaries = Rows.Where(r => r.Canary).ToList();
        if (canaries.Count > 1)
        {
            problems["canary"] = "At most one version is the canary.";
        }
        else if (canaries.Count == 1 && !Rows.Any(r => !r.Canary && r.Weight > 0))
        {
            problems["canary"] = "The canary cannot be the only version with traffic: give a stable version weight beside it.";
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            problems["reason"] = "Say why the traffic changes (it goes in the revision history and the audit trail).";
        }
        else if (Reason.Length > MaxReasonLength)
        {
            problems["reason"] = $"A reason is at most {MaxReasonLength} characters.";
        }

        return problems;
    }

    /// <summary>The split as the Api takes it.</summary>
    public IReadOnlyList<TrafficVersionInfo> Versions() => [.. Rows.Select(r => new TrafficVersionInfo(r.Version ?? 0, r.Weight, r.Canary))];
}
