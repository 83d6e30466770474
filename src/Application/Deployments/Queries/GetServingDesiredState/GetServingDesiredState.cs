using System.Text.Json.Nodes;
using Platform.Contracts.Api;

namespace Platform.Application.Deployments.Queries.GetServingDesiredState;

/// <summary>
/// What serving hosts should serve (<see cref="ServingDesiredState"/>): the Active revision of every deployment in each
/// workspace the caller operates in (the platform itself: all of them), with each version's artefact hash and training
/// baseline, the policies and the active inference keys' hashes. Platform-wide, so one poll serves a host's every
/// workspace (<paramref name="AllWorkspaces"/>: a host that knows endpoints name their workspace; else the default
/// workspace's only); a caller who operates in none is refused. Its <c>Version</c> is the sum of those deployments' change
/// counters, so it grows with every change (deployments are never deleted; keys, policies and traffic all count as
/// changes; artefacts and dataset profiles never change). A host that names the <paramref name="KnownVersion"/> it serves gets null while that is still the version: the caller's
/// workspaces and one aggregate query instead of four per deployment, every poll of every host.
/// </summary>
[PlatformWide]
[RequiresRole(Permissions.AnySignedIn | Role.System)]
public sealed record GetServingDesiredStateQuery(long? KnownVersion = null, bool AllWorkspaces = false) : IQuery<ServingDesiredState?>;

public sealed class GetServingDesiredStateQueryHandler(IPlatformDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetServingDesiredStateQuery, ServingDesiredState?>
{
    public async ValueTask<ServingDesiredState?> Handle(GetServingDesiredStateQuery query, CancellationToken cancellationToken)
    {
        var workspaces = await ServedWorkspacesAsync(query.AllWorkspaces, cancellationToken);
        var workspaceIds = workspaces.Keys.ToList();
        // Outside every workspace: each query names the served ones itself.
        var inServed = db.Deployments.IgnoreQueryFilters().AsNoTracking().Where(d => workspaceIds.Contains(d.WorkspaceId));
        if (query.KnownVersion is { } known && known == await inServed.SumAsync(d => (long)d.ConcurrencyVersion, cancellationToken))
        {
            return null;
        }

        var deployments = await inServed.OrderBy(d => d.WorkspaceId).ThenBy(d => d.Name).ToListAsync(cancellationToken);
        var version = deployments.Sum(d => (long)d.ConcurrencyVersion);
        var served = deployments.Where(d => d.ActiveRevision is not null).ToList();
        // Four queries for all deployments (not four each): rows matched on both keys in memory.
        var ids = served.Select(d => d.Id).ToList();
        var activeNumbers = served.Select(d => d.ActiveRevision!.Value).Distinct().ToList();
        var revisions = (await db.DeploymentRevisions.IgnoreQueryFilters().AsNoTracking()
                .Where(r => ids.Contains(r.DeploymentId) && activeNumbers.Contains(r.Number)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.DeploymentId, r.Number));
        var modelIds = served.Select(d => d.ModelId).Distinct().ToList();
        var models = await db.RegisteredModels.IgnoreQueryFilters().AsNoTracking().Where(m => modelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var versionNumbers = revisions.Values.SelectMany(r => r.Traffic.Versions.Select(v => v.Version)).Distinct().ToList();
        var rows = (await db.ModelVersions.IgnoreQueryFilters().AsNoTracking().Where(v => modelIds.Contains(v.ModelId) && versionNumbers.Contains(v.Number))
                .Select(v => new { v.ModelId, v.Number, v.ArtifactSha256, v.LineageJson }).ToListAsync(cancellationToken))
            .ToDictionary(v => (v.ModelId, v.Number));
        var keys = (await db.InferenceKeys.IgnoreQueryFilters().AsNoTracking().Where(k => ids.Contains(k.DeploymentId) && k.RevokedAt == null)
                .OrderBy(k => k.Id).Select(k => new { k.DeploymentId, k.KeyHash }).ToListAsync(cancellationToken))
            .ToLookup(k => k.DeploymentId, k => k.KeyHash);
        var baselines = new Dictionary<(Guid, string, int, string?), IReadOnlyList<FeatureBaseline>>();
        var endpoints = new List<ServingEndpointState>();
        foreach (var deployment in served)
        {
            var active = revisions[(deployment.Id, deployment.ActiveRevision!.Value)];
            var versions = new List<ServingVersionState>();
            foreach (var traffic in active.Traffic.Versions)
            {
                var row = rows[(deployment.ModelId, traffic.Version)];
                versions.Add(new ServingVersionState(traffic.Version, traffic.Weight, traffic.Canary, row.ArtifactSha256,
                    await BaselineAsync(deployment.WorkspaceId, row.LineageJson, baselines, cancellationToken)));
            }

            endpoints.Add(new ServingEndpointState(deployment.Name, deployment.Id, active.Number, models[deployment.ModelId],
                DeploymentMapping.ToContract(deployment.CanaryPolicy), DeploymentMapping.ToContract(deployment.DriftPolicy), versions, [.. keys[deployment.Id]],
                workspaces[deployment.WorkspaceId]));
        }

        return new ServingDesiredState(version, endpoints);
    }

    /// <summary>
    /// Every workspace for the platform itself; else those the caller holds Operator in (a token: of those it is scoped to;
    /// an external identity: by its claimed roles in default and its groups' mapped roles elsewhere).
    /// </summary>
    private async Task<Dictionary<Guid, string>> ServedWorkspacesAsync(bool all, CancellationToken cancellationToken)
    {
        if (currentUser.Roles.HasFlag(Role.System))
        {
            return await db.Workspaces.AsNoTracking().Where(w => all || w.Id == Workspace.DefaultId).ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
        }

        var externalNames = WorkspaceRoles.ExternalWorkspaceNames(currentUser);
        var memberships = currentUser.UserId is { } userId
            ? await db.WorkspaceMembers.AsNoTracking().Where(m => m.UserId == userId)
                .Join(db.Workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => new { w.Id, w.Name, Roles = (Role?)m.Roles }).ToListAsync(cancellationToken)
            : await db.Workspaces.AsNoTracking().Where(w => externalNames.Contains(w.Name))
                .Select(w => new { w.Id, w.Name, Roles = (Role?)null }).ToListAsync(cancellationToken);
        var served = memberships
            .Where(m => all || m.Id == Workspace.DefaultId)
            .Where(m => currentUser.TokenWorkspaces?.Contains(m.Id) != false && WorkspaceRoles.Of(currentUser, m.Name, m.Roles) is { } roles && roles.Satisfies(Role.Operator))
            .ToDictionary(m => m.Id, m => m.Name);
        return served.Count > 0 ? served : throw new ForbiddenAccessException(all
            ? "Serving hosts need the Operator role in at least one workspace."
            : "Serving hosts need the Operator role in the default workspace (a host that serves other workspaces asks with ?workspaces=all).");
    }

    /// <summary>The numeric columns' quantile bins of the dataset version the lineage names (in the deployment's workspace), its label column left out.</summary>
    private async Task<IReadOnlyList<FeatureBaseline>> BaselineAsync(
        Guid workspaceId, string lineageJson, Dictionary<(Guid, string, int, string?), IReadOnlyList<FeatureBaseline>> cache, CancellationToken cancellationToken)
    {
        var lineage = JsonNode.Parse(lineageJson);
        if (lineage?["dataset"] is not JsonObject dataset || dataset["name"]?.GetValue<string>() is not { } name
            || dataset["version"]?.GetValue<int>() is not { } number)
        {
            return [];
        }

        var label = lineage["labelColumn"]?.GetValue<string>();
        // Keyed by the label too: two models trained on one dataset version with different labels leave out different columns.
        if (!cache.TryGetValue((workspaceId, name, number, label), out var baseline))
        {
            var profile = await db.DatasetVersions.IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.WorkspaceId == workspaceId && d.Name == name && d.Version == number)
                .Select(d => d.ProfileJson).SingleOrDefaultAsync(cancellationToken);
            baseline = profile is null ? [] : Bins(profile, label);
            cache[(workspaceId, name, number, label)] = baseline;
        }

        return baseline;
    }

    private static List<FeatureBaseline> Bins(string profileJson, string? label) =>
        [.. (JsonNode.Parse(profileJson)?["columns"]?.AsArray() ?? [])
            .Where(c => c?["numeric"] is JsonObject && c["name"]?.GetValue<string>() != label)
            .Select(c => new FeatureBaseline(
                c!["name"]!.GetValue<string>(),
                [.. c["numeric"]!["binEdges"]!.AsArray().Select(e => e!.GetValue<double>())],
                [.. c["numeric"]!["binCounts"]!.AsArray().Select(n => n!.GetValue<long>())]))];
}
