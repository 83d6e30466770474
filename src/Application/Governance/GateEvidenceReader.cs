using System.Text.Json;
using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance;

/// <summary>
/// Gathers what a policy's gates look at: the candidate's latest evaluation on the policy's dataset and split, its
/// figures of how it was trained (<see cref="VersionProvenance"/>), the version holding the stage now, and the holder's
/// latest evaluation on the same dataset version and split.
/// </summary>
internal static class GateEvidenceReader
{
    public static async Task<GateEvidence> CheckAsync(
        IPlatformDbContext db, ApprovalPolicy policy, ModelVersion candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holder = await db.ModelVersions.AsNoTracking()
            .Where(v => v.ModelId == candidate.ModelId && v.Stage == policy.Environment && v.Id != candidate.Id)
            .OrderByDescending(v => v.Number).Select(v => new { v.Id, v.Number }).FirstOrDefaultAsync(cancellationToken);
        if (policy.GateDataset is not { } dataset)
        {
            return GateChecker.Check(policy, null, holder?.Number, null, now, VersionProvenance.Of(candidate));
        }

        var mine = await LatestAsync(db.ModelEvaluations.Where(e => e.ModelVersionId == candidate.Id && e.DatasetName == dataset && e.Split == policy.GateSplit), cancellationToken);
        var theirs = holder is null || mine is null
            ? null
            : await LatestAsync(db.ModelEvaluations.Where(e => e.ModelVersionId == holder.Id && e.DatasetName == dataset
                && e.DatasetVersion == mine.DatasetVersion && e.Split == mine.Split), cancellationToken);
        return GateChecker.Check(policy, Evidence(mine, candidate.Number), holder?.Number, Evidence(theirs, holder?.Number ?? 0), now, VersionProvenance.Of(candidate));
    }

    private static Task<ModelEvaluation?> LatestAsync(IQueryable<ModelEvaluation> evaluations, CancellationToken cancellationToken) =>
        evaluations.AsNoTracking().OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    private static EvaluationEvidence? Evidence(ModelEvaluation? e, int version) => e is null
        ? null
        : new EvaluationEvidence(e.Id, version, e.DatasetName, e.DatasetVersion, e.Split, Numbers(e.MetricsJson), e.CreatedAt);

    private static Dictionary<string, double> Numbers(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind != JsonValueKind.Object
            ? []
            : document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
                .ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
    }
}
