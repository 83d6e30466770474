using Platform.Domain.Common;

namespace Platform.Domain.Deployments;

/// <summary>When serving hosts roll a canary back: its error rate or p95 latency past a limit over a window of at least some requests.</summary>
public sealed record CanarySettings(double MaxErrorRate, double MaxP95Milliseconds, int WindowSeconds, int MinRequests)
{
    public static readonly CanarySettings Default = new(0.05, 250, 60, 20);

    /// <summary>What is wrong, or null.</summary>
    public string? Problem() =>
        MaxErrorRate is < 0 or > 1 || double.IsNaN(MaxErrorRate) ? "maxErrorRate must be between 0 and 1"
        : MaxP95Milliseconds is <= 0 or > 600_000 || double.IsNaN(MaxP95Milliseconds) ? "maxP95Milliseconds must be above 0 and at most 600000"
        : WindowSeconds is < 1 or > 86_400 ? "windowSeconds must be 1 to 86400"
        : MinRequests is < 1 or > 1_000_000 ? "minRequests must be 1 to 1000000"
        : null;

    internal CanarySettings Checked() => Problem() is { } p ? throw new DomainException("deployment.canary-policy", p) : this;
}

/// <summary>When a feature drifts: PSI or KS past its threshold, checked every interval once enough rows are sampled.</summary>
public sealed record DriftSettings(double PsiThreshold, double KsThreshold, int MinSamples, int IntervalSeconds)
{
    public static readonly DriftSettings Default = new(0.2, 0.2, 200, 60);

    /// <summary>What is wrong, or null.</summary>
    public string? Problem() =>
        PsiThreshold is <= 0 or > 100 || double.IsNaN(PsiThreshold) ? "psiThreshold must be above 0 and at most 100"
        : KsThreshold is <= 0 or > 1 || double.IsNaN(KsThreshold) ? "ksThreshold must be above 0 and at most 1"
        : MinSamples is < 1 or > 10_000_000 ? "minSamples must be 1 to 10000000"
        : IntervalSeconds is < 1 or > 86_400 ? "intervalSeconds must be 1 to 86400"
        : null;

    internal DriftSettings Checked() => Problem() is { } p ? throw new DomainException("deployment.drift-policy", p) : this;
}
