using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;

namespace Platform.Application.Jobs.Queries.ListWorkers;

/// <summary>Workers seen in the last day, online ones first, with their hardware and the job in hand.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListWorkersQuery : IQuery<IReadOnlyList<WorkerDto>>;

public sealed class ListWorkersQueryHandler(IPlatformDbContext db, TimeProvider clock, IOptions<JobOptions> options)
    : IQueryHandler<ListWorkersQuery, IReadOnlyList<WorkerDto>>
{
    public async ValueTask<IReadOnlyList<WorkerDto>> Handle(ListWorkersQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-1);
        var offlineAfter = TimeSpan.FromSeconds(options.Value.WorkerOfflineSeconds);
        var workers = await db.Workers.AsNoTracking().Where(w => w.LastSeenAt > since).ToListAsync(cancellationToken);
        return workers
            .Select(w => new WorkerDto(
                w.Id, w.Name, w.Cores, w.MemoryBytes, w.GpuName, w.GpuMemoryBytes, w.CudaVersion,
                Split(w.Kinds), Split(w.HardwareClasses), w.RunningJobId, w.LastSeenAt, !w.Stopped && now - w.LastSeenAt < offlineAfter))
            .OrderByDescending(w => w.Online).ThenBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Id, StringComparer.Ordinal)
            .Take(500)
            .ToList();
    }

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
