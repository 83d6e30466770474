namespace Platform.Application.Runs.Queries.GetMetricHistory;

public sealed class GetMetricHistoryQueryValidator : AbstractValidator<GetMetricHistoryQuery>
{
    public GetMetricHistoryQueryValidator()
    {
        RuleFor(q => q.Key).ValidTrackingKey();
        RuleFor(q => q.Limit).InclusiveBetween(1, GetMetricHistoryQuery.MaxLimit)
            .WithMessage($"must be between 1 and {GetMetricHistoryQuery.MaxLimit}");
    }
}
