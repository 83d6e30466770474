namespace Platform.Application.Runs.Queries.SearchRuns;

public sealed class SearchRunsQueryValidator : AbstractValidator<SearchRunsQuery>
{
    public SearchRunsQueryValidator()
    {
        RuleFor(q => q.ExperimentIds).NotEmpty().WithMessage("must name at least one experiment")
            .Must(ids => ids is null || ids.Count <= SearchRunsQuery.MaxExperiments)
            .WithMessage($"must name at most {SearchRunsQuery.MaxExperiments} experiments");
        RuleFor(q => q.Filter).MaximumLength(4000);
        RuleFor(q => q.OrderBy).MaximumLength(500);
        RuleFor(q => q.Limit).ValidPageLimit();
    }
}
