using Microsoft.Extensions.Options;

namespace Platform.Application.Workspaces;

/// <summary>
/// A workspace's storage: the bytes of the run artefacts, dataset versions and model versions it holds (each counted
/// where it is held, even when identical content is stored once), and the uploads that keep within its quota. A
/// declared length past the room left is refused before a byte is read, an undeclared one once the stream passes it
/// (nothing is kept); two uploads at the same moment may each fit alone and pass it together by one of them.
/// </summary>
public sealed class StorageQuota(IPlatformDbContext db, IWorkspaceScope scope, IArtifactStore store, IArtifactLimits limits, IOptions<WorkspaceQuotaOptions> defaults)
{
    /// <summary>
    /// Streams an upload into the store within the request size limit (413) and the workspace's storage quota (409
    /// <c>quota.storage</c>); <paramref name="replacing"/> is the size of what the upload replaces, freed by it.
    /// </summary>
    public async Task<StoredBlob> SaveAsync(Stream content, long? declaredLength, CancellationToken cancellationToken, long replacing = 0)
    {
        var workspaceId = scope.WorkspaceId ?? Workspace.DefaultId;
        var quota = await QuotaAsync(workspaceId, cancellationToken);
        var used = await UsedAsync(workspaceId, cancellationToken) - replacing;
        var room = Math.Max(0, quota - used);
        if (declaredLength > limits.MaxBytes)
        {
            throw new PayloadTooLargeException(limits.MaxBytes);
        }

        if (declaredLength > room || room == 0)
        {
            throw Over(quota, used, declaredLength);
        }

        try
        {
            return await store.SaveAsync(content, Math.Min(limits.MaxBytes, room), cancellationToken);
        }
        catch (PayloadTooLargeException) when (room < limits.MaxBytes)
        {
            throw Over(quota, used, null);
        }
    }

    /// <summary>The workspace's own storage quota, or the platform's default.</summary>
    public async Task<long> QuotaAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.StorageQuotaBytes).SingleOrDefaultAsync(cancellationToken)
        ?? defaults.Value.StorageBytes;

    /// <summary>The bytes the workspace holds now.</summary>
    public async Task<long> UsedAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var runs = db.Runs.IgnoreQueryFilters().Where(r => r.WorkspaceId == workspaceId).Select(r => r.Id);
        var artifacts = await db.Artifacts.IgnoreQueryFilters().Where(a => runs.Contains(a.RunId)).SumAsync(a => (long?)a.SizeBytes, cancellationToken) ?? 0;
        var datasets = await db.DatasetVersions.IgnoreQueryFilters().Where(d => d.WorkspaceId == workspaceId).SumAsync(d => (long?)d.SizeBytes, cancellationToken) ?? 0;
        var models = await db.ModelVersions.IgnoreQueryFilters().Where(v => v.WorkspaceId == workspaceId).SumAsync(v => (long?)v.SizeBytes, cancellationToken) ?? 0;
        return artifacts + datasets + models;
    }

    private static ConflictException Over(long quota, long used, long? declared) => new(
        "quota.storage",
        $"This upload{(declared is { } size ? $" of {Size(size)}" : "")} would take the workspace past its storage quota of {Size(quota)} "
        + $"({Size(used)} used). Delete what it no longer needs, or ask a platform Admin to raise the quota.");

    /// <summary>Bytes in words: 1,536 → "1.5 KiB".</summary>
    public static string Size(long bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];
        var (value, unit) = ((double)bytes, 0);
        while (value >= 1024 && unit < units.Length - 1)
        {
            (value, unit) = (value / 1024, unit + 1);
        }

        return unit == 0 ? $"{bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes" : $"{value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
