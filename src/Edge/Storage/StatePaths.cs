namespace Platform.Edge.Storage;

/// <summary>The files in the state directory: one place that names them, so that nothing else builds paths by hand.</summary>
internal sealed partial class StatePaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The device's private key, PKCS#8 PEM, mode 0600.</summary>
    public string Key => Path.Combine(Root, "device-key.pem");

    /// <summary>The platform's answer to the enrolment (<see cref="Contracts.Fleet.EnrolledDevice"/>).</summary>
    public string Enrolment => Path.Combine(Root, "enrolment.json");

    /// <summary>What the agent serves and was asked for (<see cref="AgentState"/>).</summary>
    public string Agent => Path.Combine(Root, "agent-state.json");

    /// <summary>A model's files: its versions side by side (A/B) and the partial download of the next one.</summary>
    /// <exception cref="ArgumentException">The name is not a model name (the desired state around manifests is not signed: never a path).</exception>
    public string ModelFolder(string model) => IsModelName(model)
        ? Path.Combine(Root, "models", model)
        : throw new ArgumentException($"'{model}' is not a model name.", nameof(model));

    /// <summary>A model name as the platform's registry allows: a letter or digit first, then letters, digits, '.', '_' and '-'.</summary>
    public static bool IsModelName(string? name) => name is { Length: > 0 and <= 200 } && ModelName().IsMatch(name);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial System.Text.RegularExpressions.Regex ModelName();
}
