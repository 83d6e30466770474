using System.Globalization;

namespace Platform.MachineLearning.Training.Hyperparameters;

/// <summary>Validated hyper-parameters of one training run: typed reads, and the resolved values (defaults included) as text for lineage.</summary>
public sealed class HyperparameterValues
{
    private readonly Dictionary<string, double?> _values;

    internal HyperparameterValues(Dictionary<string, double?> values, IReadOnlyDictionary<string, string> resolved)
    {
        _values = values;
        Resolved = resolved;
    }

    /// <summary>Every hyper-parameter of the trainer with the value used; ML.NET's own defaults are absent.</summary>
    public IReadOnlyDictionary<string, string> Resolved { get; }

    public int Integer(string name) => (int)(Value(name) ?? throw Missing(name));

    public int? OptionalInteger(string name) => Value(name) is { } value ? (int)value : null;

    public double Real(string name) => Value(name) ?? throw Missing(name);

    public double? OptionalReal(string name) => Value(name);

    private double? Value(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"'{name}' is not a hyper-parameter of this trainer.");

    private static InvalidOperationException Missing(string name) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Hyper-parameter '{name}' has no value and no default."));
}
