namespace Platform.Application.Jobs.Queries.ListTrainers;

/// <summary>The built-in trainers and the hyper-parameters each accepts (rule and default): what the launch form offers.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListTrainersQuery : IQuery<IReadOnlyList<TrainerDto>>;

/// <summary>A built-in trainer by name (LightGbm, FastTree, Linear) with its hyper-parameters in the order a form shows them.</summary>
public sealed record TrainerDto(string Name, IReadOnlyList<HyperparameterDescription> Hyperparameters);

public sealed class ListTrainersQueryHandler(IHyperparameterRules rules) : IQueryHandler<ListTrainersQuery, IReadOnlyList<TrainerDto>>
{
    public ValueTask<IReadOnlyList<TrainerDto>> Handle(ListTrainersQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TrainerDto>>([.. rules.Describe().Select(t => new TrainerDto(t.Trainer, t.Hyperparameters))]);
}
