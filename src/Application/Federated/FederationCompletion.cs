using Platform.Domain.Artifacts;
using Platform.Domain.Federated;
using Platform.Domain.Runs;

namespace Platform.Application.Federated;

/// <summary>
/// What a federation leaves once it ends: a completed one, or one stopped by its privacy budget after some rounds, puts
/// its global weights as an ONNX model (<c>model.onnx</c>, the built-in trainers' interface) among its run's artefacts,
/// ready to register; its run ends Finished, or Failed or Killed with a failed or cancelled federation.
/// </summary>
internal static class FederationCompletion
{
    public const string ModelPath = "model.onnx";
    private const string Actor = "platform:federation";

    public static async Task FinishAsync(IPlatformDbContext db, IFederatedAggregator maths, IArtifactStore store, Federation federation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == federation.RunId, cancellationToken);
        if (run is null || run.Status.IsTerminal())
        {
            return;
        }

        var produced = federation.State is FederationState.Completed or FederationState.Stopped && federation.CompletedRounds > 0;
        if (produced && !await db.Artifacts.AnyAsync(a => a.RunId == run.Id && a.Path == ModelPath, cancellationToken))
        {
            var onnx = maths.ExportOnnx(federation, federation.Plan.LabelColumn);
            using var content = new MemoryStream(onnx, writable: false);
            var blob = await store.SaveAsync(content, onnx.Length, cancellationToken);
            db.Artifacts.Add(Artifact.Create(run.Id, ModelPath, blob.Sha256, blob.SizeBytes, Actor, now));
        }

        run.ChangeStatus(
            produced ? RunStatus.Finished : federation.State == FederationState.Cancelled ? RunStatus.Killed : RunStatus.Failed, now, now);
    }
}
