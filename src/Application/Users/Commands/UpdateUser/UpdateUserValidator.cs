namespace Platform.Application.Users.Commands.UpdateUser;

public sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(c => c.Roles).NotEmpty().When(c => c.Roles is not null).WithMessage("must name at least one role");
        RuleForEach(c => c.Roles).Must(r => RoleExtensions.All.Contains(r)).WithMessage("must be one of Viewer, DataScientist, Approver, Operator, Admin");
        RuleFor(c => c.Password!).StrongPassword().When(c => c.Password is not null);
    }
}
