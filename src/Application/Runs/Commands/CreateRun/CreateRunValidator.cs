using Platform.Domain.Runs;

namespace Platform.Application.Runs.Commands.CreateRun;

public sealed class CreateRunCommandValidator : AbstractValidator<CreateRunCommand>
{
    public CreateRunCommandValidator()
    {
        RuleFor(c => c.Name).MaximumLength(Run.MaxNameLength);
        RuleFor(c => c.Params).MustHaveValidEntries(RunParam.MaxValueLength, RunParams.MaxPerRequest);
        RuleFor(c => c.Tags).MustHaveValidEntries(RunTag.MaxValueLength, RunParams.MaxPerRequest);
    }
}
