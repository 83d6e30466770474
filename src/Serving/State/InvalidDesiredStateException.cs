namespace Platform.Serving.State;

/// <summary>A desired state that cannot be served as written; <see cref="Errors"/> maps a field path to its faults.</summary>
public sealed class InvalidDesiredStateException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The desired serving state is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
