using Platform.Application.Datasets.Queries.GetDatasetVersion;
using Platform.Domain.Datasets;

namespace Platform.Application.Datasets.Queries.GetDatasetContent;

/// <summary>
/// Opens a dataset version's file for streaming download, or, with <see cref="Split"/>, prepares one part of its split
/// as CSV (only once the version is Ready: 409 before). The caller disposes <see cref="DatasetContent.File"/> or runs
/// <see cref="DatasetContent.WritePartAsync"/> once.
/// </summary>
[RequiresRole(Permissions.Read | Role.Job)]
public sealed record GetDatasetContentQuery(string Name, int Version, string? Split) : IQuery<DatasetContent>, IReadableByJobs;

/// <param name="File">The whole file (its own format), when no part was asked for.</param>
/// <param name="WritePartAsync">Writes the part asked for to the given stream, when one was.</param>
public sealed record DatasetContent(
    DatasetVersionDto Dataset, string FileName, string ContentType, Stream? File, Func<Stream, CancellationToken, Task>? WritePartAsync);

public sealed class GetDatasetContentQueryHandler(IPlatformDbContext db, IArtifactStore store, IDatasetParts parts)
    : IQueryHandler<GetDatasetContentQuery, DatasetContent>
{
    public async ValueTask<DatasetContent> Handle(GetDatasetContentQuery query, CancellationToken cancellationToken)
    {
        var version = await db.DatasetVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Name == query.Name && v.Version == query.Version, cancellationToken)
            ?? throw new NotFoundException("Dataset version", $"{query.Name}/{query.Version}");
        var dataset = DatasetVersionDto.From(version, withProfile: false);
        if (query.Split is { } split)
        {
            if (DatasetVersion.NotUsable(dataset.Name, dataset.Version, dataset.Status, dataset.Problem) is { } notUsable)
            {
                throw new ConflictException("dataset.not-ready", notUsable);
            }

            return new DatasetContent(dataset, $"{dataset.Name}-v{dataset.Version}-{split}.csv", "text/csv", null, async (output, ct) =>
            {
                await using var content = Open(dataset);
                await parts.WriteCsvAsync(content, dataset.Format, dataset.Split, split, output, ct);
            });
        }

        var contentType = dataset.Format == DatasetFormats.Parquet ? "application/vnd.apache.parquet" : "text/csv";
        return new DatasetContent(dataset, $"{dataset.Name}-v{dataset.Version}.{dataset.Format}", contentType, Open(dataset), null);
    }

    private Stream Open(DatasetVersionDto dataset) =>
        store.OpenRead(dataset.Sha256) ?? throw new NotFoundException("Dataset content", dataset.Sha256);
}

public sealed class GetDatasetContentQueryValidator : AbstractValidator<GetDatasetContentQuery>
{
    public GetDatasetContentQueryValidator()
    {
        RuleFor(q => q.Name).ValidDatasetName();
        RuleFor(q => q.Version).GreaterThanOrEqualTo(1);
        RuleFor(q => q.Split).Must(s => s is null || IDatasetParts.Names.Contains(s))
            .WithMessage($"must be one of: {string.Join(", ", IDatasetParts.Names)}");
    }
}
