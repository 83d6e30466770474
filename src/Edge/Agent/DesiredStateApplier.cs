using Platform.Contracts.Fleet;
using Platform.Edge.Models;
using Platform.Edge.Storage;

namespace Platform.Edge.Agent;

/// <summary>
/// Brings the device to a desired state, model by model: verifies the manifest, downloads and checks the file, then
/// switches. A target (model, version, manifest) is acted on once: one already applied, on trial or failed is left
/// alone until the desired target changes; only a download cut short is taken up again on the next poll. Models no
/// longer desired stop being served.
/// </summary>
internal sealed class DesiredStateApplier(
    AgentStateStore store, ModelSwitcher switcher, ModelStore files, ResumableDownloader downloader, LocalServing serving, TimeProvider clock,
    ILogger<DesiredStateApplier> logger)
{
    /// <param name="changed">Called after each change of a model's state that the platform should hear of at once (a download begins).</param>
    /// <exception cref="HttpRequestException">A download could not finish; what it got is kept, and the next call resumes it.</exception>
    public async Task ApplyAsync(DeviceDesiredState desired, EnrolledDevice device, Func<CancellationToken, Task> changed, CancellationToken cancellationToken)
    {
        store.Update(s => s with { DesiredRevision = desired.Revision });
        foreach (var odd in desired.Models.Where(m => !StatePaths.IsModelName(m.Name)))
        {
            logger.LogWarning("The desired state names a model '{Model}' that is no model name: left alone", odd.Name);
        }

        var wanted = desired.Models.Where(m => StatePaths.IsModelName(m.Name)).DistinctBy(m => m.Name, StringComparer.Ordinal).ToList();
        await RemoveUnwantedAsync(wanted.Select(m => m.Name).ToHashSet(StringComparer.Ordinal), cancellationToken);
        foreach (var model in wanted)
        {
            await ApplyModelAsync(model, device, changed, cancellationToken);
        }
    }

    private async Task ApplyModelAsync(DesiredModel desired, EnrolledDevice device, Func<CancellationToken, Task> changed, CancellationToken cancellationToken)
    {
        var check = ManifestVerifier.Verify(desired, device);
        var key = ManifestVerifier.TargetKey(desired, check);
        var record = store.Current.Models.GetValueOrDefault(desired.Name);
        if (record is not null && record.TargetKey == key && record.State != ModelOnDevice.Downloading)
        {
            return; // applied, on trial, healthy or failed already: never twice, never retried for the same target
        }

        if (check.Manifest is not { } manifest)
        {
            switcher.Fail(desired.Name, key, desired.Version, check.Reason!);
            return;
        }

        if (record?.Serving is { } serving && serving.Version == manifest.Version && serving.Sha256 == manifest.Sha256)
        {
            // The same file, asked for again (another rollout, a re-sign): nothing to switch.
            store.UpdateModel(desired.Name, r => r with { Target = desired.Version, TargetKey = key, State = Settled(r.State), FailureReason = null, Since = clock.GetUtcNow() });
            return;
        }

        if (record?.TargetKey != key || record.State != ModelOnDevice.Downloading)
        {
            store.UpdateModel(desired.Name, r => r with { Target = desired.Version, TargetKey = key, State = ModelOnDevice.Downloading, FailureReason = null, Since = clock.GetUtcNow() });
            await changed(cancellationToken);
        }

        var path = files.FinalPath(desired.Name, manifest.Version, manifest.Sha256);
        try
        {
            logger.LogInformation("Downloading {Model} version {Version} ({Size} bytes)", desired.Name, manifest.Version, manifest.SizeBytes);
            await downloader.DownloadAsync(manifest.DownloadPath, manifest.SizeBytes, manifest.Sha256, path, cancellationToken);
        }
        catch (ModelFileRejectedException ex)
        {
            switcher.Fail(desired.Name, key, desired.Version, ex.Message);
            return;
        }

        await switcher.SwitchAsync(desired, key, new ModelFile(manifest.Version, path, manifest.Sha256), cancellationToken);
    }

    private static ModelOnDevice Settled(ModelOnDevice state) => state == ModelOnDevice.Applied ? ModelOnDevice.Applied : ModelOnDevice.Healthy;

    private async Task RemoveUnwantedAsync(HashSet<string> wanted, CancellationToken cancellationToken)
    {
        var unwanted = store.Current.Models.Keys.Where(name => !wanted.Contains(name)).ToList();
        if (unwanted.Count == 0)
        {
            return;
        }

        var state = store.Current;
        var remaining = state with { Models = state.Models.Where(m => wanted.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal) };
        await serving.ServeAsync(LocalServing.Map(remaining), cancellationToken);
        store.Update(_ => remaining);
        foreach (var name in unwanted)
        {
            files.Prune(name, [], logger);
            logger.LogInformation("{Model} is no longer desired: not served any more", name);
        }
    }
}
