using FluentValidation;
using Platform.Domain.Identity;

namespace Platform.Application.AccessTokens.Commands.CreateAccessToken;

public sealed class CreateAccessTokenCommandValidator : AbstractValidator<CreateAccessTokenCommand>
{
    public const int MaxExpiryDays = 366;

    public CreateAccessTokenCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(AccessToken.MaxNameLength);
        RuleFor(c => c.Roles).NotEmpty().WithMessage("must name at least one role");
        RuleForEach(c => c.Roles).IsInEnum().NotEqual(Role.None);
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(1, MaxExpiryDays);
    }
}
