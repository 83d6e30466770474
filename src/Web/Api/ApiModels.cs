using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>The shapes the portal reads from the Api (only the fields it shows).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record Me(string Name, IReadOnlyList<string> Roles);

/// <summary>An experiment; <see cref="RunCount"/> is given in lists only.</summary>
public sealed record Experiment(Guid Id, string Name, string? Description, string LifecycleStage, string CreatedBy, DateTimeOffset CreatedAt, int? RunCount = null);

/// <summary>Every param, metric and tag key an experiment's runs have: its runs table's columns.</summary>
public sealed record RunKeys(IReadOnlyList<string> Params, IReadOnlyList<string> Metrics, IReadOnlyList<string> Tags, bool Truncated);

public sealed record WorkerInfo(
    string Id, string Name, int Cores, string? GpuName, long? GpuMemoryBytes, IReadOnlyList<string> HardwareClasses, Guid? RunningJobId, bool Online,
    DateTimeOffset? LastSeenAt = null);

public sealed record JobInfo(
    Guid Id, string Kind, string State, Guid? RunId, string SubmittedBy, double Progress, string? Phase, string? ProgressMessage, string? Reason, DateTimeOffset CreatedAt,
    string? HardwareClass = null, string? ParametersJson = null, int Attempts = 0, int MaxAttempts = 0, string? WorkerId = null,
    DateTimeOffset? StartedAt = null, DateTimeOffset? FinishedAt = null, string? ResultJson = null, bool CancelRequested = false,
    string? WaitingFor = null)
{
    public bool Ended => Contracts.Api.JobStates.IsFinal(State);

    /// <summary>How long it ran: from its start to its end, or to <paramref name="now"/> while it runs; null before it starts.</summary>
    public TimeSpan? Duration(DateTimeOffset now) => StartedAt is { } start ? (FinishedAt ?? (Ended ? start : now)) - start : null;
}

public sealed record DatasetInfo(string Name, int Version, int RowCount, int ColumnCount, DateTimeOffset CreatedAt);

public sealed record RunInfo(Guid Id, Guid ExperimentId);

public sealed record MetricValue(string Key, double Value, long Step);

internal sealed record HistoryPoint(double Value, long Step);

public sealed record RunDetail(
    Guid Id, Guid ExperimentId, string Name, string Status, DateTimeOffset StartTime, DateTimeOffset? EndTime, string CreatedBy,
    IReadOnlyDictionary<string, string> Params, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<MetricValue> Metrics);

public sealed record ArtifactInfo(string Path, long SizeBytes);

public sealed record RunRow(
    Guid Id, string Name, string Status, DateTimeOffset StartTime, string CreatedBy, IReadOnlyDictionary<string, string> Params, IReadOnlyList<MetricValue> Metrics);

public sealed record ModelInfo(string Name, string? Description, int LatestVersion, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record ModelVersionInfo(
    string Model, int Version, string Stage, string ArtifactSha256, JsonElement Metrics, string? ModelCard, string CreatedBy, DateTimeOffset CreatedAt,
    JsonElement? Lineage = null, JsonElement? Inputs = null, JsonElement? Outputs = null, IReadOnlyDictionary<string, string>? Tags = null, long SizeBytes = 0)
{
    /// <summary>The run the version was registered from (its lineage's <c>runId</c>); null for an uploaded file.</summary>
    public string? RunId => Text("runId");

    public string? Trainer => Text("trainer");

    private string? Text(string name) =>
        Lineage is { ValueKind: JsonValueKind.Object } lineage && lineage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

public sealed record Decision(string Actor, bool Approved, string? Comment, DateTimeOffset DecidedAt);

public sealed record GateResult(string Gate, string Metric, double? Actual, double Limit, bool Passed, string Detail);

public sealed record GateEvidence(DateTimeOffset CheckedAt, int? HolderVersion, IReadOnlyList<GateResult> Results, bool Passed);

public sealed record PromotionRequest(
    Guid Id, string Model, int Version, string TargetStage, string Status, string Justification, string RequestedBy, DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt, int Approvals, int RequiredApprovals, IReadOnlyList<Decision> Decisions, GateEvidence RequestEvidence, GateEvidence? FinalEvidence);

public sealed record AuditEvent(
    long Sequence, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, string? TraceId, JsonElement? Summary = null, string? SourceAddress = null);

public sealed record AuditVerification(bool Intact, long SealedEvents, long UnsealedEvents, long? FirstBrokenSequence, string? Reason);

internal sealed record TokenAnswer(string AccessToken, string TokenType, int ExpiresIn);

internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Metric values may be NaN or ±Infinity, written as strings by the Api.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
