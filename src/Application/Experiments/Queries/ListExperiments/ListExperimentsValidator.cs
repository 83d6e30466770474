namespace Platform.Application.Experiments.Queries.ListExperiments;

public sealed class ListExperimentsQueryValidator : AbstractValidator<ListExperimentsQuery>
{
    public ListExperimentsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidPageLimit();
        RuleFor(q => q.Name).MaximumLength(Domain.Experiments.Experiment.MaxNameLength);
        RuleFor(q => q.Lifecycle).IsInEnum();
    }
}
