namespace Platform.Application.Common.Interfaces;

/// <summary>The built-in trainers' hyper-parameter rules, so that a bad one is refused when the job is submitted.</summary>
public interface IHyperparameterRules
{
    /// <returns>The first bad hyper-parameter and why, or null when all are fine.</returns>
    (string Name, string Problem)? Check(string trainer, IReadOnlyDictionary<string, string> values);
}
