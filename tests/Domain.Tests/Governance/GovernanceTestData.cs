using Platform.Domain.Governance;
using Platform.Domain.Identity;
using Platform.Domain.Registry;

namespace Platform.Domain.Tests.Governance;

internal static class GovernanceTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    public static readonly Actor Ana = new(Guid.NewGuid(), "ana");
    public static readonly Actor Bob = new(Guid.NewGuid(), "bob");
    public static readonly Actor Cat = new(Guid.NewGuid(), "cat");

    public static ModelVersion Version() =>
        RegisteredModel.Create("cancer", null, "ana", Now).RegisterVersion(new ModelArtifact(new string('a', 64), 10, "[]", "[]"), new ModelLineage(null, "{}"), "{}", null, "ana", Now);

    public static ApprovalPolicy Policy(int approvals = 2, IReadOnlyList<MetricGate>? gates = null, IReadOnlyList<RegressionLimit>? limits = null) =>
        ApprovalPolicy.Define(ModelStage.Production, null, Role.Approver, approvals, "cancer", "test", gates ?? [], limits ?? [], 24, "admin", Now);

    public static GateEvidence Passing(ApprovalPolicy policy) => GateChecker.Check(policy, null, null, null, Now);

    public static PromotionRequest Request(int approvals = 2)
    {
        var policy = Policy(approvals);
        return PromotionRequest.Open(Version(), ModelStage.Production, policy, Passing(policy), "better recall", Ana, Now);
    }

    public static EvaluationEvidence Evaluation(int version, params (string Metric, double Value)[] metrics) =>
        new(Guid.NewGuid(), version, "cancer", 1, "test", metrics.ToDictionary(m => m.Metric, m => m.Value), Now);
}
