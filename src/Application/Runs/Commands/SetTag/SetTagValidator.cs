using Platform.Domain.Runs;

namespace Platform.Application.Runs.Commands.SetTag;

public sealed class SetTagCommandValidator : AbstractValidator<SetTagCommand>
{
    public SetTagCommandValidator()
    {
        RuleFor(c => c.Key).ValidTrackingKey();
        RuleFor(c => c.Value).NotNull().MaximumLength(RunTag.MaxValueLength);
    }
}
