using Platform.Application.Datasets.Queries.GetDatasetVersion;
using Platform.Contracts.Federated;
using Platform.Domain.Federated;

namespace Platform.Application.Federated.Commands.RegisterSiteDataset;

/// <summary>
/// A site (its device token) tells the platform about a local dataset by name: its row count and each column's summary,
/// never a row. A second registration under the same name replaces the first. The federations that name the dataset
/// check its schema before they sample the site.
/// </summary>
[RequiresRole(Role.Device)]
public sealed record RegisterSiteDatasetCommand(string Name, SiteDatasetSummary Summary) : ICommand<SiteDatasetDto>;

public sealed record SiteDatasetDto(string Name, long Rows, int Columns, DateTimeOffset RegisteredAt);

public sealed class RegisterSiteDatasetCommandValidator : AbstractValidator<RegisterSiteDatasetCommand>
{
    public RegisterSiteDatasetCommandValidator()
    {
        RuleFor(c => c.Name).ValidDatasetName().OverridePropertyName("name");
        RuleFor(c => c.Summary.Rows).NotNull().InclusiveBetween(1, long.MaxValue / 2).OverridePropertyName("rows");
        RuleFor(c => c.Summary.Columns).NotNull().Must(c => c is { Count: > 0 and <= SiteDataset.MaxColumns })
            .WithMessage($"must describe 1 to {SiteDataset.MaxColumns} columns").OverridePropertyName("columns");
        RuleFor(c => c.Summary.Columns).Must(c => c is null || c.Where(x => x?.Name is not null).Select(x => x!.Name).Distinct().Count() == c.Count(x => x?.Name is not null))
            .WithMessage("must name each column once").OverridePropertyName("columns");
        RuleForEach(c => c.Summary.Columns).NotNull().WithMessage("must be a column's summary, not null").ChildRules(column =>
        {
            column.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            column.RuleFor(x => x.Kind).Must(k => k is "number" or "category").WithMessage("must be 'number' or 'category'");
            column.RuleFor(x => x.Missing).NotNull().GreaterThanOrEqualTo(0);
            column.RuleFor(x => x.Values).Must(v => v is null || (v.Count <= SiteDataset.MaxValues && v.All(s => s is { Length: > 0 and <= 200 })))
                .WithMessage($"must hold at most {SiteDataset.MaxValues} distinct values, each 1 to 200 characters");
            column.RuleFor(x => x).Must(x => x.Kind != "number" || (Finite(x.Min) && Finite(x.Max) && Finite(x.Mean) && x.Min <= x.Mean && x.Mean <= x.Max))
                .WithMessage("a number column needs a finite min, mean and max, in that order").OverridePropertyName("min");
        }).OverridePropertyName("columns");
        RuleFor(c => c.Summary).Must(s => s.Columns is null || s.Rows is null || s.Columns.All(x => x is null || x.Missing is null || x.Missing <= s.Rows))
            .WithMessage("a column's missing count cannot pass the row count").OverridePropertyName("columns");
    }

    private static bool Finite(double? value) => value is { } v && double.IsFinite(v);
}

public sealed class RegisterSiteDatasetCommandHandler(IPlatformDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<RegisterSiteDatasetCommand, SiteDatasetDto>
{
    public async ValueTask<SiteDatasetDto> Handle(RegisterSiteDatasetCommand command, CancellationToken cancellationToken)
    {
        var device = caller.Device?.DeviceId ?? throw new ForbiddenAccessException("Only a site registers its dataset.");
        var columns = command.Summary.Columns!.Select(c => new SiteColumnSummary(
            c.Name!, c.Kind == "number" ? SiteColumnKind.Number : SiteColumnKind.Category, c.Missing!.Value, c.Min, c.Max, c.Mean, c.Values)).ToList();
        var now = clock.GetUtcNow();
        var dataset = await db.SiteDatasets.SingleOrDefaultAsync(d => d.DeviceId == device && d.Name == command.Name, cancellationToken);
        if (dataset is null)
        {
            dataset = SiteDataset.Register(device, command.Name, command.Summary.Rows!.Value, columns, now);
            db.SiteDatasets.Add(dataset);
        }
        else
        {
            dataset.Replace(command.Summary.Rows!.Value, columns, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SiteDatasetDto(dataset.Name, dataset.Rows, dataset.Columns.Count, dataset.RegisteredAt);
    }
}
