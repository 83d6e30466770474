using Platform.Domain.Experiments;

namespace Platform.Application.Experiments.Commands.CreateExperiment;

public sealed class CreateExperimentCommandValidator : AbstractValidator<CreateExperimentCommand>
{
    public CreateExperimentCommandValidator()
    {
        RuleFor(c => c.Name).ValidExperimentName();
        RuleFor(c => c.Description).MaximumLength(Experiment.MaxDescriptionLength);
    }
}
