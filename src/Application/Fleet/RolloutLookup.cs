using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

public static class RolloutLookup
{
    public static async Task<Rollout> LoadRolloutAsync(this IPlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Rollouts.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Rollout", id);
}
