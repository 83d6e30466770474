using Platform.Domain.Runs;

namespace Platform.Application.Runs.Commands.UpdateRun;

public sealed class UpdateRunCommandValidator : AbstractValidator<UpdateRunCommand>
{
    public UpdateRunCommandValidator()
    {
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.Name!).NotEmpty().MaximumLength(Run.MaxNameLength).When(c => c.Name is not null);
        RuleFor(c => c).Must(c => c.Status is not null || c.EndTime is not null || c.Name is not null)
            .WithName("body").WithMessage("must change at least one of status, endTime and name");
    }
}
