using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Admin;

/// <summary>One absolute gate being edited: <c>metric AtLeast|AtMost threshold</c>.</summary>
public sealed class GateRow
{
    public string Metric { get; set; } = "";
    public string Operator { get; set; } = "AtLeast";
    public double? Threshold { get; set; }
}

/// <summary>One regression limit being edited: how much worse than the version holding the stage the metric may be.</summary>
public sealed class LimitRow
{
    public string Metric { get; set; } = "";
    public double? MaxRegression { get; set; }
    public bool HigherIsBetter { get; set; } = true;
}

/// <summary>
/// An approval policy as the editor holds it. <see cref="Problems"/> names what is wrong with the Api's own field paths
/// (<c>gates[1].metric</c>), so that the browser's checks and the Api's validation errors show in the same places.
/// </summary>
public sealed class PolicyForm
{
    public const int MaxApprovals = 10;
    public const int MaxExpiryHours = 24 * 90;
    public static readonly IReadOnlyList<string> Splits = ["train", "validation", "test"];

    public List<string> ApproverRoles { get; set; } = [];
    public int RequiredApprovals { get; set; } = 1;
    public string? GateDataset { get; set; }
    public string GateSplit { get; set; } = "test";
    public List<GateRow> Gates { get; set; } = [];
    public List<LimitRow> RegressionLimits { get; set; } = [];
    public int ExpiryHours { get; set; } = 168;

    public static PolicyForm From(ApprovalPolicyInfo policy) => new()
    {
        ApproverRoles = [.. policy.ApproverRoles],
        RequiredApprovals = policy.RequiredApprovals,
        GateDataset = policy.GateDataset,
        GateSplit = policy.GateSplit,
        Gates = [.. policy.Gates.Select(g => new GateRow { Metric = g.Metric, Operator = g.Operator, Threshold = g.Threshold })],
        RegressionLimits = [.. policy.RegressionLimits.Select(l => new LimitRow { Metric = l.Metric, MaxRegression = l.MaxRegression, HigherIsBetter = l.HigherIsBetter })],
        ExpiryHours = policy.ExpiryHours,
    };

    /// <summary>What must change before the policy can be sent, by field path; empty when it may be sent.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (ApproverRoles.Count == 0)
        {
            problems["approverRoles"] = "Pick at least one approver role.";
        }

        if (RequiredApprovals is < 1 or > MaxApprovals)
        {
            problems["requiredApprovals"] = $"From 1 to {MaxApprovals} approvals.";
        }

        if (ExpiryHours is < 1 or > MaxExpiryHours)
        {
            problems["expiryHours"] = $"From 1 to {MaxExpiryHours} hours.";
        }

        if (string.IsNullOrWhiteSpace(GateDataset) && (Gates.Count > 0 || RegressionLimits.Count > 0))
        {
            problems["gateDataset"] = "Name the dataset whose evaluations the gates read.";
        }

        for (var i = 0; i < Gates.Count; i++)
        {
            Require(problems, $"gates[{i}].metric", Gates[i].Metric, Gates[i].Threshold, $"gates[{i}].threshold", "Enter a threshold.", _ => true);
        }

        for (var i = 0; i < RegressionLimits.Count; i++)
        {
            Require(problems, $"regressionLimits[{i}].metric", RegressionLimits[i].Metric, RegressionLimits[i].MaxRegression,
                $"regressionLimits[{i}].maxRegression", "Enter the most it may get worse (0 or more).", v => v >= 0);
        }

        return problems;
    }

    /// <summary>The body of <c>PUT /approval-policies/{environment}</c>.</summary>
    public object ToRequest() => new
    {
        approverRoles = ApproverRoles,
        requiredApprovals = RequiredApprovals,
        gateDataset = string.IsNullOrWhiteSpace(GateDataset) ? null : GateDataset.Trim(),
        gateSplit = GateSplit,
        gates = Gates.Select(g => new { metric = g.Metric.Trim(), @operator = g.Operator, threshold = g.Threshold!.Value }),
        regressionLimits = RegressionLimits.Select(l => new { metric = l.Metric.Trim(), maxRegression = l.MaxRegression!.Value, higherIsBetter = l.HigherIsBetter }),
        expiryHours = ExpiryHours,
    };

    private static void Require(Dictionary<string, string> problems, string metricKey, string metric, double? value, string valueKey, string valueMessage, Func<double, bool> valid)
    {
        if (string.IsNullOrWhiteSpace(metric))
        {
            problems[metricKey] = "Name the metric.";
        }

        if (value is not { } v || !double.IsFinite(v) || !valid(v))
        {
            problems[valueKey] = valueMessage;
        }
    }
}
