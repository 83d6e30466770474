namespace Platform.Application.AccessTokens.Queries.ListAccessTokens;

public sealed class ListAccessTokensQueryValidator : AbstractValidator<ListAccessTokensQuery>
{
    public ListAccessTokensQueryValidator()
    {
        RuleFor(q => q.Limit).ValidPageLimit();
    }
}
