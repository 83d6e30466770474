using System.Text.Json;
using Platform.Domain.Federated;

namespace Platform.Application.Federated.Commands.AdvanceFederation;

/// <summary>
/// The server's own check of the global model after a round, when the plan names a dataset version: its part (the test
/// part by default), as the recorded split rebuilds it, scored with the model's features and classes. A version gone
/// from the store or without a usable row gives no figures rather than failing the round.
/// </summary>
internal sealed class ServerEvaluation(IPlatformDbContext db, IArtifactStore store, IDatasetParts parts, IFederatedAggregator maths)
{
    public async Task<(double Loss, double Accuracy)?> EvaluateAsync(Federation federation, CancellationToken cancellationToken)
    {
        if (federation.Plan.Evaluation is not { } evaluation)
        {
            return null;
        }

        var version = await db.DatasetVersions.AsNoTracking().SingleOrDefaultAsync(d => d.Name == evaluation.Dataset && d.Version == evaluation.Version, cancellationToken);
        await using var content = version is null ? null : store.OpenRead(version.Sha256);
        if (version is null || content is null)
        {
            return null;
        }

        using var csv = new MemoryStream();
        await parts.WriteCsvAsync(content, version.Format, JsonSerializer.Deserialize<JsonElement>(version.SplitJson), evaluation.Part, csv, cancellationToken);
        csv.Position = 0;
        return maths.Evaluate(federation, federation.Weights, csv);
    }
}
