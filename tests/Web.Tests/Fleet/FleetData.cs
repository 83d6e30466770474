using Platform.Web.Api;

namespace Platform.Web.Tests.Fleet;

/// <summary>Fleet answers as the Api gives them: a device, a summary, a token, a rollout with its waves.</summary>
internal static class FleetData
{
    public static readonly Guid DeviceId = Guid.NewGuid();
    public static readonly Guid RolloutId = Guid.NewGuid();

    public static DeviceInfo Device(string state = "Active", bool credential = true) => new(
        DeviceId, "gw-berlin-01", new Dictionary<string, string> { ["region"] = "eu-west", ["hw"] = "jetson" }, state, credential, 2,
        "thumb-0123456789abcdef", new DeviceInventoryInfo("linux", "arm64", 6, 8L * 1024 * 1024 * 1024, "Orin", "1.31.1", ["CPUExecutionProvider"], "1.0.0"),
        DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddMinutes(-3));

    public static DeviceInfo DeviceDetail() => Device() with
    {
        Models = [new DeviceModelInfo("detector", 3, 4, "Failed", "p95 420 ms over the 250 ms limit", DateTimeOffset.UnixEpoch, 1200, 7, 420, DateTimeOffset.UtcNow)],
        Desired = [new DesiredModelInfo("detector", 4, RolloutId, DateTimeOffset.UnixEpoch)],
        History = [new DeviceRolloutInfo(RolloutId, "detector", 4, 2, "RolledBack", 3, "local health check failed", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)],
    };

    public static FleetSummaryInfo Summary(string groupedBy = "region") => new(
        12, new Dictionary<string, int> { ["Active"] = 9, ["Provisioned"] = 2, ["Suspended"] = 1 },
        [new VersionCountInfo("detector", 3, "Healthy", 8), new VersionCountInfo("detector", 4, "Failed", 1)], groupedBy,
        [new GroupCountInfo("eu-west", 7, 6, 1), new GroupCountInfo("us-east", 5, 3, 0)]);

    public static EnrolmentTokenInfo Token(string status = "unused") => new(
        Guid.NewGuid(), "gw-berlin-02", "pet_abcdef12", new Dictionary<string, string> { ["region"] = "eu-west" }, status, DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch.AddHours(24), "operator", null, null, null);

    public static RolloutInfo Rollout(string state = "Running", string reason = "") => new(
        RolloutId, "detector", 4, "Production", "region=eu-west", [new(10, null), new(100, null)], new RolloutRateInfo(30, 2),
        new HealthGateInfo(90, 10, 0.05, 1.2, 600), new LocalHealthInfo(60, 20, 0.1, 250), "Rollback", state, reason, 20, 1, 5, "operator",
        DateTimeOffset.UnixEpoch, null, 3,
        [new WaveProgressInfo(1, 2, 0, 0, 0, 0, 2, 0, 0, 0, 800, 4, 21.5), new WaveProgressInfo(2, 18, 15, 1, 1, 1, 0, 0, 0, 0, 10, 0, null)]);

    public static RolloutTargetInfo Target(string status = "Healthy") => new(
        DeviceId, "gw-berlin-01", 1, status, 3, null, 400, 2, 21.5, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    /// <summary>A problem-details answer with errors per field, as the Api's validation writes it.</summary>
    public static object Invalid(params (string Field, string Message)[] errors) => new
    {
        title = "One or more validation errors occurred.",
        status = 400,
        errors = errors.ToDictionary(e => e.Field, e => new[] { e.Message }),
    };

    public static object Problem(int status, string title, string detail) => new { title, status, detail };
}
