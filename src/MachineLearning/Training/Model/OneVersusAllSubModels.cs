using System.Collections;
using System.Reflection;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace Platform.MachineLearning.Training.Model;

/// <summary>
/// Reads the per-class models inside an ML.NET <see cref="OneVersusAllModelParameters"/> (LightGBM
/// multiclass and one-versus-all FastTree). ML.NET 5 keeps them behind the internal
/// <c>SubModelParameters</c> property and offers no public accessor, so this one place uses
/// reflection; the ONNX parity tests fail loudly if a later ML.NET changes it.
/// </summary>
internal static class OneVersusAllSubModels
{
    private const string PropertyName = "SubModelParameters";

    public static IReadOnlyList<CalibratedModelParametersBase> Read(OneVersusAllModelParameters model)
    {
        var property = typeof(OneVersusAllModelParameters).GetProperty(PropertyName, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new NotSupportedException(
                $"This ML.NET version has no {nameof(OneVersusAllModelParameters)}.{PropertyName}; multiclass tree models cannot be read.");
        var subModels = (IEnumerable)(property.GetValue(model)
            ?? throw new NotSupportedException($"{nameof(OneVersusAllModelParameters)}.{PropertyName} returned nothing."));
        return
        [
            .. subModels.Cast<object>().Select(sub => sub as CalibratedModelParametersBase
                ?? throw new NotSupportedException($"Unexpected one-versus-all sub-model {sub.GetType().Name}; a calibrated model was expected.")),
        ];
    }
}
