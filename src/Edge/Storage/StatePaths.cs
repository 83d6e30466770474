namespace Platform.Edge.Storage;

/// <summary>The files in the state directory: one place that names them, so that nothing else builds paths by hand.</summary>
internal sealed class StatePaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The device's private key, PKCS#8 PEM, mode 0600.</summary>
    public string Key => Path.Combine(Root, "device-key.pem");

    /// <summary>The platform's answer to the enrolment (<see cref="Contracts.Fleet.EnrolledDevice"/>).</summary>
    public string Enrolment => Path.Combine(Root, "enrolment.json");

    /// <summary>What the agent serves and was asked for (<see cref="AgentState"/>).</summary>
    public string Agent => Path.Combine(Root, "agent-state.json");

    /// <summary>A model's files: its versions side by side (A/B) and the partial download of the next one.</summary>
    public string ModelFolder(string model) => Path.Combine(Root, "models", Uri.EscapeDataString(model));
}
