using Platform.Application.Datasets.Profiling;
using Platform.Domain.Datasets;

namespace Platform.Application.Datasets.Queries.GetDatasetVersion;

/// <summary>One dataset version with its schema and statistics, or, while it is being profiled, how far that has got.</summary>
[RequiresRole(Permissions.Read | Role.Job)]
public sealed record GetDatasetVersionQuery(string Name, int Version) : IQuery<DatasetVersionDto>, IReadableByJobs;

public sealed class GetDatasetVersionQueryHandler(IPlatformDbContext db, IDatasetProfilingQueue profiling) : IQueryHandler<GetDatasetVersionQuery, DatasetVersionDto>
{
    public async ValueTask<DatasetVersionDto> Handle(GetDatasetVersionQuery query, CancellationToken cancellationToken)
    {
        var version = await db.DatasetVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Name == query.Name && v.Version == query.Version, cancellationToken)
            ?? throw new NotFoundException("Dataset version", $"{query.Name}/{query.Version}");
        return DatasetVersionDto.From(version, withProfile: true, ProfiledFraction.Of(version, profiling));
    }
}

public sealed class GetDatasetVersionQueryValidator : AbstractValidator<GetDatasetVersionQuery>
{
    public GetDatasetVersionQueryValidator()
    {
        RuleFor(q => q.Name).ValidDatasetName();
        RuleFor(q => q.Version).GreaterThanOrEqualTo(1);
    }
}

public static class DatasetNameRules
{
    /// <summary>Letters, digits, '.', '_' and '-', starting with a letter or digit: safe in URLs and file names.</summary>
    public static IRuleBuilderOptions<T, string> ValidDatasetName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(DatasetVersion.MaxNameLength)
            .Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$").WithMessage("may hold only letters, digits, '.', '_' and '-', and must start with a letter or digit");
}
