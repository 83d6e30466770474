namespace Platform.Edge;

/// <summary>
/// Section <c>Edge</c>: where the platform is, how this device enrols the first time (a one-time token, its name and
/// the labels it asks for) and the folder that holds its key, enrolment and models between starts.
/// </summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>The platform's base URL, e.g. <c>https://platform.example.com</c>.</summary>
    public string Platform { get; set; } = "";

    /// <summary>The one-time enrolment token; needed until the device has enrolled, never after.</summary>
    public string? EnrolmentToken { get; set; }

    /// <summary>The device's name at enrolment; the machine's name when empty.</summary>
    public string? Name { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>The key, the enrolment, the served state and the model files (A/B). Relative paths resolve against the working folder.</summary>
    public string StateDirectory { get; set; } = "./edge-state";
}
