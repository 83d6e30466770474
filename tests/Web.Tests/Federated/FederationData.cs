using Platform.Web.Api;

namespace Platform.Web.Tests.Federated;

/// <summary>Federated-training answers as the Api gives them: a federation with its plan, its rounds and its sites.</summary>
internal static class FederationData
{
    public static readonly Guid FederationId = Guid.NewGuid();
    public static readonly Guid ExperimentId = Guid.NewGuid();
    public static readonly Guid RunId = Guid.NewGuid();
    public static readonly Guid DeviceId = Guid.NewGuid();

    public static readonly string Path = $"/api/v1/federations/{FederationId}";

    public static FederationPlanInfo Plan(bool secure = true, PrivacyInfo? privacy = null) => new(
        new FederatedModelInfo("Mlp", 16), "clinic-visits", "readmitted", "region=eu", 10, new SiteSamplingInfo(0.5, 4), new LocalTrainingInfo(2, 64, 0.05),
        new StrategyInfo("FedProx", 0.01, 1, 0.1, 0), new CompressionInfo("Int8", null), privacy ?? new PrivacyInfo(1, 1.1, 1e-5, 8), secure, 120, 3, 3, "Operator", 7);

    public static FederationInfo Federation(string state = "Running", int done = 3, string reason = "") => new(
        FederationId, "readmission-eu", ExperimentId, RunId, state, Plan(), done, state == "Running" ? Guid.NewGuid() : null, done > 0 ? 1.25 : null, reason,
        done > 0 ? ["age", "visits"] : null, done > 0 ? ["no", "yes"] : null, "scientist", DateTimeOffset.UnixEpoch, null);

    public static FederationRoundInfo Round(int number, string state = "Aggregated", int attempt = 1, string reason = "") => new(
        Guid.NewGuid(), number, attempt, state, "Update", 4, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(2),
        state == "Open" ? null : DateTimeOffset.UnixEpoch.AddMinutes(1), state == "Failed" ? 1 : 4, 4000, 3 * 1024 + 512,
        state == "Aggregated" ? 0.42 : null, state == "Aggregated" ? 0.45 : null, state == "Aggregated" ? 0.8125 : null, state == "Aggregated" ? 0.9 : null, reason);

    public static FederationSiteInfo Site(bool consents = true) => new(
        DeviceId, "clinic-berlin", consents, "operator", DateTimeOffset.UnixEpoch, consents ? null : DateTimeOffset.UnixEpoch.AddDays(1));

    public static Experiment Experiment() => new(ExperimentId, "readmission", null, "active", "scientist", DateTimeOffset.UnixEpoch);

    /// <summary>The run's accuracy history as the Api's metric history answers it.</summary>
    public static object Accuracy(params double[] values) => new { items = values.Select((v, i) => new { value = v, step = i + 1 }).ToArray(), nextCursor = (string?)null };
}
