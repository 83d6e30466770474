using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Contracts.Api;
using Platform.Domain.Identity;

namespace Platform.Application.Deployments;

/// <summary>
/// What serving hosts should serve (<see cref="ServingDesiredState"/>): every deployment's Active revision with each
/// version's artefact hash and training baseline, the policies and the active inference keys' hashes. Its
/// <c>Version</c> is the sum of the deployments' change counters, so it grows with every change.
/// </summary>
[RequiresRole(Role.Operator | Role.System)]
public sealed record GetServingDesiredStateQuery : IQuery<ServingDesiredState>;

public sealed class GetServingDesiredStateQueryHandler(IPlatformDbContext db) : IQueryHandler<GetServingDesiredStateQuery, ServingDesiredState>
{
    public async ValueTask<ServingDesiredState> Handle(GetServingDesiredStateQuery query, CancellationToken cancellationToken)
    {
        var deployments = await db.Deployments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var version = deployments.Sum(d => (long)d.ConcurrencyVersion);
        var baselines = new Dictionary<(string, int, string?), IReadOnlyList<FeatureBaseline>>();
        var endpoints = new List<ServingEndpointState>();
        foreach (var deployment in deployments.Where(d => d.ActiveRevision is not null))
        {
            var active = await db.DeploymentRevisions.AsNoTracking()
                .SingleAsync(r => r.DeploymentId == deployment.Id && r.Number == deployment.ActiveRevision, cancellationToken);
            var model = await db.ModelNameAsync(deployment.ModelId, cancellationToken);
            var traffic = active.Traffic.Versions;
            var numbers = traffic.Select(v => v.Version).ToList();
            var rows = await db.ModelVersions.AsNoTracking().Where(v => v.ModelId == deployment.ModelId && numbers.Contains(v.Number))
                .Select(v => new { v.Number, v.ArtifactSha256, v.LineageJson }).ToListAsync(cancellationToken);
            var versions = new List<ServingVersionState>();
            foreach (var served in traffic)
            {
                var row = rows.Single(r => r.Number == served.Version);
                versions.Add(new ServingVersionState(served.Version, served.Weight, served.Canary, row.ArtifactSha256,
                    await BaselineAsync(row.LineageJson, baselines, cancellationToken)));
            }

            var keys = await db.InferenceKeys.AsNoTracking().Where(k => k.DeploymentId == deployment.Id && k.RevokedAt == null)
                .OrderBy(k => k.Id).Select(k => k.KeyHash).ToListAsync(cancellationToken);
            endpoints.Add(new ServingEndpointState(deployment.Name, deployment.Id, active.Number, model,
                DeploymentMapping.ToContract(deployment.CanaryPolicy), DeploymentMapping.ToContract(deployment.DriftPolicy), versions, keys));
        }

        return new ServingDesiredState(version, endpoints);
    }

    /// <summary>The numeric columns' quantile bins of the dataset version the lineage names, its label column left out.</summary>
    private async Task<IReadOnlyList<FeatureBaseline>> BaselineAsync(
        string lineageJson, Dictionary<(string, int, string?), IReadOnlyList<FeatureBaseline>> cache, CancellationToken cancellationToken)
    {
        var lineage = JsonNode.Parse(lineageJson);
        if (lineage?["dataset"] is not JsonObject dataset || dataset["name"]?.GetValue<string>() is not { } name
            || dataset["version"]?.GetValue<int>() is not { } number)
        {
            return [];
        }

        var label = lineage["labelColumn"]?.GetValue<string>();
        // Keyed by the label too: two models trained on one dataset version with different labels leave out different columns.
        if (!cache.TryGetValue((name, number, label), out var baseline))
        {
            var profile = await db.DatasetVersions.AsNoTracking().Where(d => d.Name == name && d.Version == number)
                .Select(d => d.ProfileJson).SingleOrDefaultAsync(cancellationToken);
            baseline = profile is null ? [] : Bins(profile, label);
            cache[(name, number, label)] = baseline;
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
