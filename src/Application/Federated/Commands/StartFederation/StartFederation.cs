using System.Globalization;
using Platform.Application.Datasets.Queries.GetDatasetVersion;
using Platform.Domain.Common;
using Platform.Domain.Federated;
using Platform.Domain.Fleet;
using Platform.Domain.Governance;
using Platform.Domain.Runs;

namespace Platform.Application.Federated.Commands.StartFederation;

/// <summary>
/// Defines a federated training in an experiment (DataScientist): a run of the experiment follows it, its plan as the
/// run's params. It waits for consenting sites (admitted by an Operator, or carrying the consent label when the plan
/// admits by label) that the selector picks and that hold the named local dataset; the driver opens its first round
/// once there are enough.
/// </summary>
[RequiresRole(Permissions.Track)]
public sealed record StartFederationCommand(Guid ExperimentId, string? Name, FederationPlanInput? Plan) : ICommand<FederationDto>;

public sealed class StartFederationCommandValidator : AbstractValidator<StartFederationCommand>
{
    public StartFederationCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Federation.MaxNameLength);
        RuleFor(c => c.Plan).NotNull().WithName("plan");
        When(c => c.Plan is not null, () =>
        {
            RuleFor(c => c.Plan!.Dataset!).ValidDatasetName().WithName("plan.dataset");
            RuleFor(c => c.Plan!.LabelColumn).NotEmpty().MaximumLength(200).WithName("plan.labelColumn");
            RuleFor(c => c.Plan!.Selector).MaximumLength(1000).Custom((selector, context) =>
            {
                try
                {
                    LabelSelector.Parse(selector);
                }
                catch (DomainException e)
                {
                    context.AddFailure("plan.selector", e.Message);
                }
            });
            RuleFor(c => c.Plan!).Custom((input, context) =>
            {
                foreach (var (field, reason) in FederationPlanRules.Problems(input.ToPlan()))
                {
                    context.AddFailure($"plan.{field}", reason);
                }
            });
        });
    }
}

public sealed class StartFederationCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartFederationCommand, FederationDto>
{
    public async ValueTask<FederationDto> Handle(StartFederationCommand command, CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.FindAsync([command.ExperimentId], cancellationToken) ?? throw new NotFoundException("Experiment", command.ExperimentId);
        experiment.EnsureActive("start a federated training");
        var (plan, now) = (command.Plan!.ToPlan(), clock.GetUtcNow());
        if (plan.Evaluation is { } evaluation && !await db.DatasetVersions.AnyAsync(d => d.Name == evaluation.Dataset && d.Version == evaluation.Version, cancellationToken))
        {
            throw RequestValidationException.For("plan.evaluation", $"dataset '{evaluation.Dataset}' has no version {evaluation.Version} in this workspace");
        }

        var run = Run.Start(experiment.Id, command.Name, user.Name, now);
        run.LogParams(Params(plan));
        run.SetTag("platform.federated", "true");
        var federation = Federation.Create(experiment.Id, run.Id, command.Name!, plan, new Actor(user.UserId, user.Name), now);
        run.SetTag("platform.federation", federation.Id.ToString());
        db.Runs.Add(run);
        db.Federations.Add(federation);
        await db.SaveChangesAsync(cancellationToken);
        return FederationDto.From(federation);
    }

    private static Dictionary<string, string> Params(FederationPlan plan)
    {
        static string N(double v) => v.ToString(CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string>
        {
            ["federated.model"] = plan.Model.Kind == FederatedModelKind.Mlp ? $"Mlp({plan.Model.Hidden})" : "Softmax",
            ["federated.dataset"] = plan.Dataset,
            ["federated.labelColumn"] = plan.LabelColumn,
            ["federated.selector"] = plan.Selector.Length == 0 ? "(every device)" : plan.Selector,
            ["federated.rounds"] = plan.Rounds.ToString(CultureInfo.InvariantCulture),
            ["federated.fraction"] = N(plan.Sampling.Fraction),
            ["federated.minSites"] = plan.Sampling.MinSites.ToString(CultureInfo.InvariantCulture),
            ["federated.quorum"] = plan.Quorum.ToString(CultureInfo.InvariantCulture),
            ["federated.localEpochs"] = plan.Training.Epochs.ToString(CultureInfo.InvariantCulture),
            ["federated.batchSize"] = plan.Training.BatchSize.ToString(CultureInfo.InvariantCulture),
            ["federated.learningRate"] = N(plan.Training.LearningRate),
            ["federated.strategy"] = plan.Strategy.Kind.ToString(),
            ["federated.compression"] = plan.Compression.Encoding + (plan.Compression.TopK is { } k ? $"+top{k}" : ""),
            ["federated.secureAggregation"] = plan.SecureAggregation ? "true" : "false",
            ["federated.seed"] = plan.Seed.ToString(CultureInfo.InvariantCulture),
        };
        if (plan.Strategy.Kind == FederatedStrategy.FedProx)
        {
            values["federated.proximalMu"] = N(plan.Strategy.ProximalMu);
        }

        if (plan.Privacy is { } privacy)
        {
            (values["dp.clipNorm"], values["dp.noiseMultiplier"], values["dp.delta"]) = (N(privacy.ClipNorm), N(privacy.NoiseMultiplier), N(privacy.Delta));
        }

        return values;
    }
}
