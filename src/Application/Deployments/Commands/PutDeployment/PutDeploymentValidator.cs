using Platform.Domain.Deployments;

namespace Platform.Application.Deployments.Commands.PutDeployment;

public sealed class PutDeploymentCommandValidator : AbstractValidator<PutDeploymentCommand>
{
    public PutDeploymentCommandValidator()
    {
        RuleFor(c => c.Name).Must(Deployment.IsValidName)
            .WithMessage($"must be lower-case letters, digits and '-', starting with a letter, at most {Deployment.MaxNameLength} characters");
        RuleFor(c => c.Model).NotEmpty().MaximumLength(Domain.Registry.RegisteredModel.MaxNameLength);
        RuleFor(c => c.Environment).NotNull().WithMessage("is required: Staging or Production").IsInEnum();
        RuleFor(c => c.HardwareClass).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(DeploymentRevision.MaxReasonLength);
        RuleFor(c => c.Versions).NotNull().WithMessage("is required: [{version, weight, canary}]");
        RuleForEach(c => c.Versions).ChildRules(v =>
        {
            v.RuleFor(x => x.Version).GreaterThanOrEqualTo(1);
            v.RuleFor(x => x.Weight).InclusiveBetween(0, TrafficSplit.MaxWeight);
        });
        RuleFor(c => c.Versions).Custom((versions, context) =>
        {
            if (versions is not null && TrafficSplit.Problem([.. versions.Select(v => new TrafficVersion(v.Version, v.Weight, v.Canary))]) is { } problem)
            {
                context.AddFailure("versions", problem);
            }
        });
        RuleFor(c => c.CanaryPolicy).Custom((policy, context) =>
        {
            if (DeploymentMapping.ToDomain(policy)?.Problem() is { } problem)
            {
                context.AddFailure("canaryPolicy", problem);
            }
        });
        RuleFor(c => c.DriftPolicy).Custom((policy, context) =>
        {
            if (DeploymentMapping.ToDomain(policy)?.Problem() is { } problem)
            {
                context.AddFailure("driftPolicy", problem);
            }
        });
    }
}
