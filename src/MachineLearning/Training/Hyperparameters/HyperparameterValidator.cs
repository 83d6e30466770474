using System.Globalization;

namespace Platform.MachineLearning.Training.Hyperparameters;

/// <summary>
/// Checks a request's hyper-parameters (strings, as they arrive from the API) against the trainer's
/// <see cref="HyperparameterCatalog"/>. <see cref="Check"/> reports every bad one at once; <see cref="Validate"/> raises
/// <see cref="InvalidHyperparameterException"/> for the first, with a message such as
/// <c>numberOfLeaves must be an integer between 2 and 131072 (got '1')</c>.
/// </summary>
public static class HyperparameterValidator
{
    public static HyperparameterValues Validate(TrainerKind trainer, IReadOnlyDictionary<string, string>? given)
    {
        var (values, problems) = Check(trainer, given);
        return problems.Count == 0 ? values! : throw new InvalidHyperparameterException(problems[0].Name, problems[0].Problem);
    }

    /// <summary>The resolved values when all are fine, else null with each bad hyper-parameter (name as given) and why.</summary>
    public static (HyperparameterValues? Values, IReadOnlyList<(string Name, string Problem)> Problems) Check(
        TrainerKind trainer, IReadOnlyDictionary<string, string>? given)
    {
        var definitions = HyperparameterCatalog.For(trainer);
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var values = definitions.ToDictionary(d => d.Name, d => d.Default is null ? (double?)null : Parse(d, d.Default), StringComparer.OrdinalIgnoreCase);
        var resolved = definitions.Where(d => d.Default is not null).ToDictionary(d => d.Name, d => d.Default!, StringComparer.Ordinal);
        var problems = new List<(string, string)>();

        foreach (var (name, text) in given ?? new Dictionary<string, string>())
        {
            if (!byName.TryGetValue(name, out var definition))
            {
                problems.Add((name, $"'{name}' is not a hyper-parameter of {trainer}; it accepts {string.Join(", ", definitions.Select(d => d.Name))}"));
            }
            else if (Parse(definition, text) is { } value)
            {
                values[definition.Name] = value;
                resolved[definition.Name] = text.Trim();
            }
            else
            {
                problems.Add((name, $"{definition.Name} must be {definition.Rule} (got '{text}')"));
            }
        }

        return problems.Count == 0 ? (new HyperparameterValues(values, resolved), []) : (null, problems);
    }

    private static double? Parse(HyperparameterDefinition definition, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var parsed = definition.Kind switch
        {
            HyperparameterKind.Integer => long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : (double?)null,
            _ => double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real) ? real : null,
        };
        return parsed is { } value && definition.InRange(value) ? value : null;
    }
}
