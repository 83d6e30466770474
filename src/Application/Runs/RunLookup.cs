using Platform.Domain.Runs;

namespace Platform.Application.Runs;

internal static class RunLookup
{
    /// <summary>Loads a run with its params and tags for change, checking the If-Match version when one was sent.</summary>
    public static async Task<Run> LoadRunForUpdateAsync(
        this IPlatformDbContext db, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var run = await db.Runs.Include(r => r.Params).Include(r => r.Tags)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("Run", id);
        if (expectedVersion is { } expected && expected != run.Version)
        {
            throw new PreconditionFailedException("Run", expected, run.Version);
        }

        return run;
    }

    public static async Task EnsureRunExistsAsync(this IPlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == id, cancellationToken))
        {
            throw new NotFoundException("Run", id);
        }
    }
}
