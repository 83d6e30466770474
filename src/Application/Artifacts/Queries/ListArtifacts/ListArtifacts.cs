using Platform.Application.Runs;

namespace Platform.Application.Artifacts.Queries.ListArtifacts;

/// <summary>A run's artefacts in path order, optionally under a folder prefix.</summary>
[RequiresRole(Permissions.Read | Role.Job)]
public sealed record ListArtifactsQuery(Guid RunId, string? Prefix, int? Limit, string? Cursor) : IQuery<Page<ArtifactDto>>, IRunScoped;

public sealed class ListArtifactsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListArtifactsQuery, Page<ArtifactDto>>
{
    private sealed record Position(string Path);

    public async ValueTask<Page<ArtifactDto>> Handle(ListArtifactsQuery query, CancellationToken cancellationToken)
    {
        await db.EnsureRunExistsAsync(query.RunId, cancellationToken);
        var limit = PageLimits.Resolve(query.Limit);
        var artifacts = db.Artifacts.AsNoTracking().Where(a => a.RunId == query.RunId);
        if (!string.IsNullOrEmpty(query.Prefix))
        {
            artifacts = artifacts.Where(a => a.Path.StartsWith(query.Prefix));
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            artifacts = artifacts.Where(a => string.Compare(a.Path, after.Path) > 0);
        }

        var page = await artifacts.OrderBy(a => a.Path)
            .Select(a => new ArtifactDto(a.Path, a.Sha256, a.SizeBytes, a.CreatedBy, a.CreatedAt))
            .ReadPageAsync(limit, a => new Position(a.Path), cancellationToken);
        return page.Select(a => a);
    }
}
