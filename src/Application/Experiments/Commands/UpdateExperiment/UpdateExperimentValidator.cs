using Platform.Domain.Experiments;

namespace Platform.Application.Experiments.Commands.UpdateExperiment;

public sealed class UpdateExperimentCommandValidator : AbstractValidator<UpdateExperimentCommand>
{
    public UpdateExperimentCommandValidator()
    {
        RuleFor(c => c.Name!).ValidExperimentName().When(c => c.Name is not null);
        RuleFor(c => c.Description).MaximumLength(Experiment.MaxDescriptionLength);
        RuleFor(c => c).Must(c => c.Name is not null || c.Description is not null)
            .WithName("body").WithMessage("must change at least one of name and description");
    }
}
