namespace Platform.Application.Common.Interfaces;

/// <summary>The built-in trainers' hyper-parameter rules and defaults (the worker checks them again the same way).</summary>
public interface IHyperparameterRules
{
    /// <returns>Every bad hyper-parameter (by the name given) and why; empty when all are fine.</returns>
    IReadOnlyList<(string Name, string Problem)> Check(string trainer, IReadOnlyDictionary<string, string> values);

    /// <returns>What the trainer trains with: the given values under their own names and the defaults of the rest
    /// (a hyper-parameter whose default is the library's own is absent unless given). Call with values that passed <see cref="Check"/>.</returns>
    IReadOnlyDictionary<string, string> Resolve(string trainer, IReadOnlyDictionary<string, string> values);
}
