using System.Globalization;

namespace Platform.MachineLearning.Training.Hyperparameters;

/// <summary>
/// Checks a request's hyper-parameters (strings, as they arrive from the API) against the trainer's
/// <see cref="HyperparameterCatalog"/>; the first bad one raises <see cref="InvalidHyperparameterException"/>
/// with a message such as <c>numberOfLeaves must be an integer between 2 and 131072 (got '1')</c>.
/// </summary>
public static class HyperparameterValidator
{
    public static HyperparameterValues Validate(TrainerKind trainer, IReadOnlyDictionary<string, string>? given)
    {
        var definitions = HyperparameterCatalog.For(trainer);
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        var values = definitions.ToDictionary(d => d.Name, d => d.Default is null ? (double?)null : Parse(d, d.Default), StringComparer.OrdinalIgnoreCase);
        var resolved = definitions.Where(d => d.Default is not null).ToDictionary(d => d.Name, d => d.Default!, StringComparer.Ordinal);

        foreach (var (name, text) in given ?? new Dictionary<string, string>())
        {
            if (!byName.TryGetValue(name, out var definition))
            {
                throw new InvalidHyperparameterException(
                    name, $"'{name}' is not a hyper-parameter of {trainer}; it accepts {string.Join(", ", definitions.Select(d => d.Name))}");
            }

            values[definition.Name] = Parse(definition, text);
            resolved[definition.Name] = text.Trim();
        }

        return new HyperparameterValues(values, resolved);
    }

    private static double Parse(HyperparameterDefinition definition, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var ok = definition.Kind switch
        {
            HyperparameterKind.Integer => long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : (double?)null,
            _ => double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real) ? real : null,
        };
        if (ok is not { } value || !definition.InRange(value))
        {
            throw new InvalidHyperparameterException(definition.Name, $"{definition.Name} must be {definition.Rule} (got '{text}')");
        }

        return value;
    }
}
