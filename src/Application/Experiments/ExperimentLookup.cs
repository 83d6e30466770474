using Platform.Domain.Experiments;

namespace Platform.Application.Experiments;

internal static class ExperimentLookup
{
    /// <summary>Loads an experiment for change, checking the client's If-Match version when one was sent.</summary>
    public static async Task<Experiment> LoadForUpdateAsync(
        this IPlatformDbContext db, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.FindAsync([id], cancellationToken)
            ?? throw new NotFoundException("Experiment", id);
        if (expectedVersion is { } expected && expected != experiment.Version)
        {
            throw new PreconditionFailedException("Experiment", expected, experiment.Version);
        }

        return experiment;
    }
}
