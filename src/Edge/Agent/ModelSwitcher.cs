using Platform.Contracts.Fleet;
using Platform.Edge.Health;
using Platform.Edge.Models;
using Platform.Edge.Storage;

namespace Platform.Edge.Agent;

/// <summary>
/// Switches a model to a verified file and back (A/B): the switch keeps the version it replaces as the one to return to;
/// a version that fails to load changes nothing; one that fails its health check is replaced by the previous one at once.
/// Also serves the stored state at start, before the platform is reached.
/// </summary>
internal sealed class ModelSwitcher(AgentStateStore store, LocalServing serving, ModelStore files, TimeProvider clock, ILogger<ModelSwitcher> logger)
{
    /// <summary>Whether a switched-to version is still inside its health window.</summary>
    public bool Watching => store.Current.Models.Values.Any(m => m.State == ModelOnDevice.Applied);

    /// <summary>Serves what the state directory says was served, each model falling back to its previous version if it does not load.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var served = new Dictionary<string, ModelFile>(StringComparer.Ordinal);
        foreach (var (name, record) in store.Current.Models.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            foreach (var candidate in new[] { record.Serving, record.Previous }.OfType<ModelFile>())
            {
                try
                {
                    await serving.ServeAsync(new Dictionary<string, ModelFile>(served) { [name] = candidate }, cancellationToken);
                    served[name] = candidate;
                    if (candidate != record.Serving)
                    {
                        Fail(name, record.TargetKey, record.Target, $"version {record.Serving?.Version} did not load at start; serving version {candidate.Version}", candidate);
                    }

                    logger.LogInformation("Serving stored {Model} version {Version}", name, candidate.Version);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError("Stored {Model} version {Version} did not load: {Reason}", name, candidate.Version, ex.Message);
                }
            }
        }
    }

    /// <summary>Serves <paramref name="file"/> for the desired model; <c>false</c> (reported Failed, nothing changed) when it does not load.</summary>
    public async Task<bool> SwitchAsync(DesiredModel desired, string targetKey, ModelFile file, CancellationToken cancellationToken)
    {
        try
        {
            await serving.ServeAsync(LocalServing.Map(store.Current, desired.Name, file), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fail(desired.Name, targetKey, desired.Version, $"version {desired.Version} failed to load: {ex.Message}");
            return false;
        }

        var now = clock.GetUtcNow();
        var state = store.UpdateModel(desired.Name, r => r with
        {
            Previous = r.Serving ?? r.Previous,
            Serving = file,
            Target = desired.Version,
            TargetKey = targetKey,
            State = desired.HealthCheck is null ? ModelOnDevice.Healthy : ModelOnDevice.Applied,
            FailureReason = null,
            Since = now,
            SwitchedAt = now,
            HealthCheck = desired.HealthCheck,
        });
        var record = state.Models[desired.Name];
        files.Prune(desired.Name, [record.Serving?.Path, record.Previous?.Path], logger);
        logger.LogInformation("Switched {Model} to version {Version} (previous: {Previous})", desired.Name, file.Version, record.Previous?.Version);
        return true;
    }

    /// <summary>Judges every version on trial; rolls back those that fail. <c>true</c> when any state changed.</summary>
    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var (name, record) in store.Current.Models.Where(m => m.Value is { State: ModelOnDevice.Applied, Serving: not null }))
        {
            var figures = serving.Figures(name, record.Serving!.Version) ?? default;
            var verdict = LocalHealthJudge.Judge(record.HealthCheck, figures, clock.GetUtcNow() - (record.SwitchedAt ?? record.Since));
            if (verdict.State == ModelOnDevice.Healthy)
            {
                store.UpdateModel(name, r => r with { State = ModelOnDevice.Healthy, Since = clock.GetUtcNow() });
                logger.LogInformation("{Model} version {Version} passed its health check", name, record.Serving.Version);
                changed = true;
            }
            else if (verdict.State == ModelOnDevice.Failed)
            {
                await RollBackAsync(name, record, verdict.Reason!, cancellationToken);
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Records a refusal: the model keeps serving what it served (or <paramref name="serving"/> when given), and the target is not tried again.</summary>
    public void Fail(string name, string targetKey, int target, string reason, ModelFile? serving = null)
    {
        store.UpdateModel(name, r => r with
        {
            Serving = serving ?? r.Serving,
            Target = target,
            TargetKey = targetKey,
            State = ModelOnDevice.Failed,
            FailureReason = reason,
            Since = clock.GetUtcNow(),
        });
        logger.LogWarning("{Model} version {Version} refused: {Reason}", name, target, reason);
    }

    private async Task RollBackAsync(string name, ModelRecord record, string reason, CancellationToken cancellationToken)
    {
        var back = record.Previous;
        try
        {
            await serving.ServeAsync(LocalServing.Map(store.Current, name, back), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The previous file no longer loads: serving nothing is safer than a version known to fail.
            logger.LogError("{Model} version {Version} did not load for the rollback: {Reason}", name, back?.Version, ex.Message);
            back = null;
            await serving.ServeAsync(LocalServing.Map(store.Current, name, null), cancellationToken);
        }

        var why = $"version {record.Serving!.Version} failed its health check ({reason}); "
            + (back is null ? "no previous version to go back to, so it is no longer served" : $"rolled back to version {back.Version}");
        store.UpdateModel(name, r => r with { Serving = back, Previous = null, SwitchedAt = null });
        Fail(name, record.TargetKey, record.Target, why);
        files.Prune(name, [back?.Path], logger);
    }
}
