using Platform.Application.Common.Interfaces;
using Platform.MachineLearning.Training;
using Platform.MachineLearning.Training.Hyperparameters;

namespace Platform.Infrastructure.Datasets;

/// <summary>Checks hyper-parameters with the trainers' own catalogue (the worker checks them again the same way).</summary>
internal sealed class HyperparameterRules : IHyperparameterRules
{
    public (string Name, string Problem)? Check(string trainer, IReadOnlyDictionary<string, string> values)
    {
        try
        {
            HyperparameterValidator.Validate(Enum.Parse<TrainerKind>(trainer), values);
            return null;
        }
        catch (InvalidHyperparameterException e)
        {
            return (e.Name, e.Message);
        }
    }
}
