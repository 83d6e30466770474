using Microsoft.Extensions.Options;
using Platform.Application.Workspaces;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs;

/// <summary>
/// Fair sharing of the workers between workspaces: a new or retried job goes to the workers only while its workspace
/// is under its quota of jobs with them (queued there or running; GPU jobs have a quota of their own), and otherwise
/// waits, held with the reason, until the workspace's jobs end (<see cref="ReleaseAsync"/>). A workspace's burst
/// therefore stands in the workers' queue at most its quota deep, whatever it submits. The count is read when a job
/// is admitted: two submissions at the same instant may pass the quota by one each.
/// </summary>
public sealed class JobShares(IPlatformDbContext db, IOutbox outbox, IJobTokenIssuer tickets, IWorkspaceScope scope, IOptions<WorkspaceQuotaOptions> defaults, TimeProvider clock)
{
    /// <summary>What this unit of work has released and not yet saved: the database does not count it yet.</summary>
    private readonly Dictionary<Guid, (int All, int Gpu)> _sent = [];

    /// <summary>Sends a queued job that takes a new share to the workers, or holds it with the reason.</summary>
    public async Task AdmitAsync(Job job, CancellationToken cancellationToken)
    {
        var workspaceId = job.WorkspaceId != Guid.Empty ? job.WorkspaceId : scope.WorkspaceId ?? Workspace.DefaultId;
        var quota = await QuotaAsync(workspaceId, cancellationToken);
        var used = await InUseAsync(workspaceId, job.Id, cancellationToken);
        if (Refusal(quota, used, job.HardwareClass) is { } wait)
        {
            job.Hold(wait);
            return;
        }

        Send(job);
    }

    /// <summary>
    /// Sends a workspace's held jobs, oldest first, while it has shares free; <paramref name="ending"/> is a job whose
    /// end is being saved with this (the database still counts it). The number sent.
    /// </summary>
    public async Task<int> ReleaseAsync(Guid workspaceId, Guid? ending, CancellationToken cancellationToken)
    {
        var quota = await QuotaAsync(workspaceId, cancellationToken);
        var used = await InUseAsync(workspaceId, ending, cancellationToken);
        used = (used.All + _sent.GetValueOrDefault(workspaceId).All, used.Gpu + _sent.GetValueOrDefault(workspaceId).Gpu);
        if (used.All >= quota.All)
        {
            return 0;
        }

        var candidates = db.Jobs.IgnoreQueryFilters()
            .Where(j => j.WorkspaceId == workspaceId && j.State == JobState.Queued && j.WaitingFor != null && j.Id != ending);
        if (used.Gpu >= quota.Gpu)
        {
            // A GPU job that cannot go yet must not keep the CPU jobs behind it waiting.
            candidates = candidates.Where(j => j.HardwareClass != HardwareClass.Gpu);
        }

        var held = await candidates.OrderBy(j => j.CreatedAt).Take(quota.All - used.All).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var job in held.Where(j => j is { State: JobState.Queued, WaitingFor: not null }))
        {
            if (Refusal(quota, used, job.HardwareClass) is null)
            {
                Send(job);
                var gpu = job.HardwareClass == HardwareClass.Gpu ? 1 : 0;
                used = (used.All + 1, used.Gpu + gpu);
                _sent[workspaceId] = (_sent.GetValueOrDefault(workspaceId).All + 1, _sent.GetValueOrDefault(workspaceId).Gpu + gpu);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>What a workspace may have with the workers at once, and what it has (and holds back) now.</summary>
    public async Task<(QuotaUseDto Jobs, QuotaUseDto GpuJobs)> UsageAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var quota = await QuotaAsync(workspaceId, cancellationToken);
        var used = await InUseAsync(workspaceId, null, cancellationToken);
        var held = await db.Jobs.IgnoreQueryFilters().CountAsync(j => j.WorkspaceId == workspaceId && j.State == JobState.Queued && j.WaitingFor != null, cancellationToken);
        return (new QuotaUseDto(quota.All, used.All, held), new QuotaUseDto(quota.Gpu, used.Gpu, null));
    }

    private void Send(Job job)
    {
        if (job.WaitingFor is not null)
        {
            job.Release(clock.GetUtcNow());
        }

        outbox.Dispatch(job, tickets);
    }

    private static string? Refusal((int All, int Gpu) quota, (int All, int Gpu) used, HardwareClass hardware) =>
        used.All >= quota.All
            ? $"Waiting: the workspace has its quota of {Jobs(quota.All, "concurrent")} with the workers; it is sent when one of them ends."
            : hardware == HardwareClass.Gpu && used.Gpu >= quota.Gpu
            ? $"Waiting: the workspace has its quota of {Jobs(quota.Gpu, "concurrent GPU")} with the workers; it is sent when one of them ends."
            : null;

    private static string Jobs(int count, string kind) => $"{count} {kind} job{(count == 1 ? "" : "s")}";

    private async Task<(int All, int Gpu)> QuotaAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var own = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId)
            .Select(w => new { w.ConcurrentJobQuota, w.ConcurrentGpuJobQuota }).SingleOrDefaultAsync(cancellationToken);
        return (own?.ConcurrentJobQuota ?? defaults.Value.ConcurrentJobs, own?.ConcurrentGpuJobQuota ?? defaults.Value.ConcurrentGpuJobs);
    }

    /// <summary>The workspace's jobs with the workers (other than <paramref name="except"/>), and how many of them are GPU jobs.</summary>
    private async Task<(int All, int Gpu)> InUseAsync(Guid workspaceId, Guid? except, CancellationToken cancellationToken)
    {
        var counts = await db.Jobs.IgnoreQueryFilters()
            .Where(j => j.WorkspaceId == workspaceId && j.Id != except)
            .Where(Job.HoldsAShare)
            .GroupBy(j => j.HardwareClass == HardwareClass.Gpu)
            .Select(g => new { Gpu = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var gpu = counts.Where(c => c.Gpu).Sum(c => c.Count);
        return (counts.Sum(c => c.Count), gpu);
    }
}
