namespace Platform.MachineLearning.Training.Hyperparameters;

/// <summary>A hyper-parameter that is unknown to the trainer or whose value breaks its rule; the message names it and says why.</summary>
public sealed class InvalidHyperparameterException : ArgumentException
{
    public InvalidHyperparameterException(string name, string message)
        : base(message)
    {
        Name = name;
    }

    /// <summary>The offending hyper-parameter's name as given.</summary>
    public string Name { get; }
}
