using System.Linq.Expressions;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

public static class RolloutLookup
{
    /// <summary>A rollout under way (as <see cref="Rollout.IsActive"/>, in a query): its model may have no other.</summary>
    public static readonly Expression<Func<Rollout, bool>> UnderWay = r =>
        r.State == RolloutState.Running || r.State == RolloutState.Paused || r.State == RolloutState.RollingBack || r.State == RolloutState.AwaitingApproval;

    public static async Task<Rollout> LoadRolloutAsync(this IPlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Rollouts.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Rollout", id);

    /// <summary>How many devices <paramref name="selector"/> picks that a rollout may give a version to (active or provisioned).</summary>
    public static Task<int> CountSelectedAsync(this IPlatformDbContext db, LabelSelector selector, CancellationToken cancellationToken) =>
        db.Devices.Selecting(selector).CountAsync(d => d.State == DeviceState.Active || d.State == DeviceState.Provisioned, cancellationToken);
}
