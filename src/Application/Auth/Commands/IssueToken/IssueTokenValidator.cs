namespace Platform.Application.Auth.Commands.IssueToken;

public sealed class IssueTokenCommandValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenCommandValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(Domain.Identity.User.MaxUserNameLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1024);
    }
}
