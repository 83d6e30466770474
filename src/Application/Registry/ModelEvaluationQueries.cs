using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Application.Common.Validation;

namespace Platform.Application.Registry;

/// <summary>A version's evaluation reports, newest first; optionally on one dataset version and split. Paged.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListModelEvaluationsQuery(
    string Model, int Version, string? Dataset, int? DatasetVersion, string? Split, bool WithReport, int? Limit, string? Cursor)
    : IQuery<Page<ModelEvaluationDto>>;

public sealed class ListModelEvaluationsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListModelEvaluationsQuery, Page<ModelEvaluationDto>>
{
    private sealed record Position(DateTimeOffset CreatedAt, Guid Id);

    public async ValueTask<Page<ModelEvaluationDto>> Handle(ListModelEvaluationsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var (model, version) = await db.LoadVersionAsync(query.Model, query.Version, cancellationToken);
        var evaluations = db.ModelEvaluations.AsNoTracking().Where(e => e.ModelVersionId == version.Id);
        evaluations = query.Dataset is null ? evaluations : evaluations.Where(e => e.DatasetName == query.Dataset);
        evaluations = query.DatasetVersion is null ? evaluations : evaluations.Where(e => e.DatasetVersion == query.DatasetVersion);
        evaluations = query.Split is null ? evaluations : evaluations.Where(e => e.Split == query.Split);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            evaluations = evaluations.Where(e => e.CreatedAt < after.CreatedAt || (e.CreatedAt == after.CreatedAt && e.Id.CompareTo(after.Id) < 0));
        }

        var page = await evaluations.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? Cursor.Encode(new Position(page[limit - 1].CreatedAt, page[limit - 1].Id)) : null;
        return new Page<ModelEvaluationDto>([.. page.Take(limit).Select(e => ModelEvaluationDto.From(model.Name, version.Number, e, query.WithReport))], next);
    }
}

public sealed class ListModelEvaluationsQueryValidator : AbstractValidator<ListModelEvaluationsQuery>
{
    public ListModelEvaluationsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

/// <summary>
/// Two versions of a model side by side on the same part of the same dataset version (each one's latest evaluation
/// there): their metrics and, per metric both have, the difference (other minus this).
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record CompareModelVersionsQuery(string Model, int Version, int Against, string Dataset, int DatasetVersion, string Split)
    : IQuery<ModelComparisonDto>;

public sealed record ModelComparisonDto(
    string Model, string Dataset, int DatasetVersion, string Split, ModelEvaluationDto This, ModelEvaluationDto Other, IReadOnlyDictionary<string, double> Difference);

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
