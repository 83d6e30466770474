namespace Platform.Application.Common.Interfaces;

/// <summary>The built-in trainers' hyper-parameter rules and defaults (the worker checks them again the same way).</summary>
public interface IHyperparameterRules
{
    /// <returns>Every bad hyper-parameter (by the name given) and why; empty when all are fine.</returns>
    IReadOnlyList<(string Name, string Problem)> Check(string trainer, IReadOnlyDictionary<string, string> values);

    /// <returns>What the trainer trains with: the given values under their own names and the defaults of the rest
    /// (a hyper-parameter whose default is the library's own is absent unless given). Call with values that passed <see cref="Check"/>.</returns>
    IReadOnlyDictionary<string, string> Resolve(string trainer, IReadOnlyDictionary<string, string> values);

    /// <returns>Each built-in trainer by name with the hyper-parameters it accepts, their rule in words and default.</returns>
    IReadOnlyList<(string Trainer, IReadOnlyList<HyperparameterDescription> Hyperparameters)> Describe();
}

/// <summary>A hyper-parameter as a form offers it: name, integer or real, the rule in words, the default as text (null: the library's own).</summary>
public sealed record HyperparameterDescription(string Name, string Kind, string Rule, string? Default, string Description);
