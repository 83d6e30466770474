using Platform.Domain.Common;

namespace Platform.Domain.Deployments;

/// <summary>
/// What a serving host measured on one version of a deployment over a window: requests, errors, latency percentiles,
/// sampled rows, and drift per feature (JSON: feature, psi, ks, alert). Kept as a bounded history; the newest per
/// version is the deployment's current monitoring.
/// </summary>
public sealed class MonitoringSnapshot
{
    public const int MaxHostLength = 200;

    private MonitoringSnapshot()
    {
        Host = string.Empty;
        DriftJson = "[]";
    }

    public long Sequence { get; private set; }
    public Guid DeploymentId { get; private set; }
    public int Revision { get; private set; }
    public int Version { get; private set; }
    public string Host { get; private set; }
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }
    public long Requests { get; private set; }
    public long Errors { get; private set; }
    public double P50Milliseconds { get; private set; }
    public double P95Milliseconds { get; private set; }
    public double P99Milliseconds { get; private set; }
    public int SampleSize { get; private set; }
    public string DriftJson { get; private set; }
    public bool DriftAlert { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    public static MonitoringSnapshot Record(
        Guid deploymentId, int revision, int version, string host, DateTimeOffset from, DateTimeOffset to, long requests, long errors,
        double p50, double p95, double p99, int sampleSize, string driftJson, bool driftAlert, DateTimeOffset now)
    {
        if (to < from)
        {
            throw new DomainException("deployment.monitoring-window", "A report's window ends before it starts.");
        }

        return new MonitoringSnapshot
        {
            DeploymentId = deploymentId,
            Revision = revision,
            Version = version,
            Host = host.Length > MaxHostLength ? host[..MaxHostLength] : host,
            From = from,
            To = to,
            Requests = requests,
            Errors = errors,
            P50Milliseconds = p50,
            P95Milliseconds = p95,
            P99Milliseconds = p99,
            SampleSize = sampleSize,
            DriftJson = driftJson,
            DriftAlert = driftAlert,
            ReceivedAt = now,
        };
    }
}
