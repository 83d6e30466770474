using Platform.Domain.Runs;

namespace Platform.Application.Runs.Commands.LogParams;

public sealed class LogParamsCommandValidator : AbstractValidator<LogParamsCommand>
{
    public LogParamsCommandValidator()
    {
        RuleFor(c => c.Params).NotEmpty().WithMessage("must hold at least one param");
        RuleFor(c => c.Params).MustHaveValidEntries(RunParam.MaxValueLength, RunParams.MaxPerRequest);
    }
}
