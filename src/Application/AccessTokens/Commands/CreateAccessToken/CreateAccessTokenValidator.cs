namespace Platform.Application.AccessTokens.Commands.CreateAccessToken;

public sealed class CreateAccessTokenCommandValidator : AbstractValidator<CreateAccessTokenCommand>
{
    public const int MaxExpiryDays = 366;

    public CreateAccessTokenCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(AccessToken.MaxNameLength);
        RuleFor(c => c.Roles).NotEmpty().WithMessage("must name at least one role");
        RuleForEach(c => c.Roles).Must(r => RoleExtensions.All.Contains(r)).WithMessage("must be one of Viewer, DataScientist, Approver, Operator, Admin");
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(1, MaxExpiryDays);
    }
}
