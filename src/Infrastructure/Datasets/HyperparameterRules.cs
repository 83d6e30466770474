using Platform.Application.Common.Interfaces;
using Platform.MachineLearning.Training;
using Platform.MachineLearning.Training.Hyperparameters;

namespace Platform.Infrastructure.Datasets;

/// <summary>Checks and resolves hyper-parameters with the trainers' own catalogue.</summary>
internal sealed class HyperparameterRules : IHyperparameterRules
{
    public IReadOnlyList<(string Name, string Problem)> Check(string trainer, IReadOnlyDictionary<string, string> values) =>
        HyperparameterValidator.Check(Enum.Parse<TrainerKind>(trainer), values).Problems;

    public IReadOnlyDictionary<string, string> Resolve(string trainer, IReadOnlyDictionary<string, string> values) =>
        HyperparameterValidator.Validate(Enum.Parse<TrainerKind>(trainer), values).Resolved;

    public IReadOnlyList<(string Trainer, IReadOnlyList<HyperparameterDescription> Hyperparameters)> Describe() =>
    [
        .. Enum.GetValues<TrainerKind>().Select(t => (t.ToString(), (IReadOnlyList<HyperparameterDescription>)
            [.. HyperparameterCatalog.For(t).Select(d => new HyperparameterDescription(d.Name, d.Kind.ToString(), d.Rule, d.Default, d.Description))])),
    ];
}
