using Platform.Domain.Experiments;

namespace Platform.Application.Experiments;

internal static class ExperimentNameRules
{
    public static IRuleBuilderOptions<T, string> ValidExperimentName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(Experiment.MaxNameLength)
            .Must(n => n == n.Trim()).WithMessage("must not start or end with spaces");

    public static async Task EnsureNameFreeAsync(this IPlatformDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.Experiments.AnyAsync(e => e.Name == name && e.Id != except, cancellationToken))
        {
            throw new ConflictException("experiment.name-taken", $"An experiment named '{name}' already exists.");
        }
    }
}
