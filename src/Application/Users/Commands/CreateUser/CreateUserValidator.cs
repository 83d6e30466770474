namespace Platform.Application.Users.Commands.CreateUser;

public sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(User.MaxUserNameLength)
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage("may hold letters, digits, '.', '_', '@' and '-'");
        RuleFor(c => c.Password).StrongPassword();
        RuleFor(c => c.Roles).NotEmpty().WithMessage("must name at least one role");
        RuleForEach(c => c.Roles).Must(r => RoleExtensions.All.Contains(r)).WithMessage("must be one of Viewer, DataScientist, Approver, Operator, Admin");
    }
}
