namespace Platform.Application.Search.Queries.SearchPlatform;

public sealed class SearchPlatformQueryValidator : AbstractValidator<SearchPlatformQuery>
{
    public const int MaxLimit = 20;
    public const int MaxTextLength = 200;

    public SearchPlatformQueryValidator()
    {
        RuleFor(q => q.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("must name what to look for")
            .MaximumLength(MaxTextLength);
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null);
    }
}
