namespace Platform.Serving.ControlPlane;

/// <summary>Section <c>Serving:ControlPlane</c>: the Api that holds the desired state (none: the host serves its configuration).</summary>
public sealed class ControlPlaneOptions
{
    /// <summary>The Api's base address, e.g. <c>http://api:8080</c>.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>A personal access token with the Operator role, sent as a Bearer token; never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Seconds between two reads of the desired state.</summary>
    public double PollSeconds { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiUrl);
}
