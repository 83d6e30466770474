using System.Text.Json;

namespace Platform.Application.Registry.Queries.CompareModelVersions;

/// <summary>
/// Two versions of a model side by side on the same part of the same dataset version (each one's latest evaluation
/// there): their metrics and, per metric both have, the difference (other minus this).
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record CompareModelVersionsQuery(string Model, int Version, int Against, string Dataset, int DatasetVersion, string Split)
    : IQuery<ModelComparisonDto>;

public sealed class CompareModelVersionsQueryHandler(IPlatformDbContext db) : IQueryHandler<CompareModelVersionsQuery, ModelComparisonDto>
{
    public async ValueTask<ModelComparisonDto> Handle(CompareModelVersionsQuery query, CancellationToken cancellationToken)
    {
        var mine = await LatestAsync(query, query.Version, cancellationToken);
        var other = await LatestAsync(query, query.Against, cancellationToken);
        var a = JsonSerializer.Deserialize<Dictionary<string, double>>(mine.Metrics.GetRawText(), RegistryJson.Options)!;
        var b = JsonSerializer.Deserialize<Dictionary<string, double>>(other.Metrics.GetRawText(), RegistryJson.Options)!;
        var difference = a.Keys.Intersect(b.Keys).Order(StringComparer.Ordinal).ToDictionary(k => k, k => b[k] - a[k]);
        return new ModelComparisonDto(query.Model, query.Dataset, query.DatasetVersion, query.Split, mine, other, difference);
    }

    private async Task<ModelEvaluationDto> LatestAsync(CompareModelVersionsQuery query, int number, CancellationToken cancellationToken)
    {
        var (model, version) = await db.LoadVersionAsync(query.Model, number, cancellationToken);
        var latest = await db.ModelEvaluations.AsNoTracking()
            .Where(e => e.ModelVersionId == version.Id && e.DatasetName == query.Dataset && e.DatasetVersion == query.DatasetVersion && e.Split == query.Split)
            .OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Evaluation", $"{query.Model} v{number} on {query.Dataset} v{query.DatasetVersion} ({query.Split})");
        return ModelEvaluationDto.From(model.Name, number, latest, withReport: false);
    }
}

public sealed class CompareModelVersionsQueryValidator : AbstractValidator<CompareModelVersionsQuery>
{
    public CompareModelVersionsQueryValidator()
    {
        RuleFor(q => q.Against).GreaterThan(0).WithMessage("must name the other version (?against=)");
        RuleFor(q => q.Dataset).NotEmpty().WithMessage("must name the dataset both were evaluated on (?dataset=)");
        RuleFor(q => q.DatasetVersion).GreaterThan(0).WithMessage("must name the dataset version (?datasetVersion=)");
        RuleFor(q => q.Split).Must(s => Contracts.Messages.Jobs.EvaluateJobParameters.Splits.Contains(s)).WithMessage("must be train, validation or test");
    }
}
