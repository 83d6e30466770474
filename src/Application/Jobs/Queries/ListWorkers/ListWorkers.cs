using Microsoft.Extensions.Options;

namespace Platform.Application.Jobs.Queries.ListWorkers;

/// <summary>Workers seen in the last day by name (keyset-paged like every list), with their hardware and the job in hand; <c>online</c> keeps the online ones.</summary>
[PlatformWide]
[RequiresRole(Permissions.Read)]
public sealed record ListWorkersQuery(bool? Online = null, int? Limit = null, string? Cursor = null) : IQuery<Page<WorkerDto>>;

public sealed class ListWorkersQueryHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock, IOptions<JobOptions> options)
    : IQueryHandler<ListWorkersQuery, Page<WorkerDto>>
{
    private sealed record Position(string Name, string Id);

    public async ValueTask<Page<WorkerDto>> Handle(ListWorkersQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-1);
        var onlineSince = now - TimeSpan.FromSeconds(options.Value.WorkerOfflineSeconds);
        var workers = db.Workers.AsNoTracking().Where(w => w.LastSeenAt > since);
        if (query.Online is { } online)
        {
            workers = online
                ? workers.Where(w => !w.Stopped && w.LastSeenAt > onlineSince)
                : workers.Where(w => w.Stopped || w.LastSeenAt <= onlineSince);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            workers = workers.Where(w => w.Name.CompareTo(after.Name) > 0 || (w.Name == after.Name && w.Id.CompareTo(after.Id) > 0));
        }

        var page = await workers.OrderBy(w => w.Name).ThenBy(w => w.Id).ReadPageAsync(limit, w => new Position(w.Name, w.Id), cancellationToken);
        var visible = await VisibleJobsAsync([.. page.Rows.Select(w => w.RunningJobId).OfType<Guid>()], cancellationToken);
        return page.Select(w => new WorkerDto(
            w.Id, w.Name, w.Cores, w.MemoryBytes, w.GpuName, w.GpuMemoryBytes, w.CudaVersion,
            Split(w.Kinds), Split(w.HardwareClasses), w.RunningJobId is { } job && visible.Contains(job) ? job : null, w.LastSeenAt, !w.Stopped && w.LastSeenAt > onlineSince));
    }

    /// <summary>
    /// Of the jobs in hand, those in a workspace the caller belongs to (a token: of those it is scoped to; a platform
    /// Admin: all); another workspace's stay unnamed.
    /// </summary>
    private async Task<HashSet<Guid>> VisibleJobsAsync(List<Guid> running, CancellationToken cancellationToken)
    {
        if (running.Count == 0 || user.Roles.HasFlag(Role.Admin))
        {
            return [.. running];
        }

        var userId = user.UserId ?? Guid.Empty;
        var external = WorkspaceRoles.ExternalWorkspaceNames(user);
        var mine = user.UserId is null
            ? db.Workspaces.Where(w => external.Contains(w.Name)).Select(w => w.Id)
            : db.WorkspaceMembers.Where(m => m.UserId == userId).Select(m => m.WorkspaceId);
        var scoped = user.TokenWorkspaces;
        return [.. await db.Jobs.IgnoreQueryFilters().Where(j => running.Contains(j.Id) && mine.Contains(j.WorkspaceId) && (scoped == null || scoped.Contains(j.WorkspaceId)))
            .Select(j => j.Id).ToListAsync(cancellationToken)];
    }

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public sealed class ListWorkersQueryValidator : AbstractValidator<ListWorkersQuery>
{
    public ListWorkersQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}
