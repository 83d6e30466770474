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

    /// <summary>Federated training: the local datasets this device may train on as a site (none: it takes no part).</summary>
    public FederatedSiteOptions Federated { get; set; } = new();
}

/// <summary>
/// Section <c>Edge:Federated</c>: the local datasets (CSV files with a header, the label a column of it) the device
/// offers as a federated site, by the name federations ask for, and how often it asks for a task when none is waiting.
/// Only each dataset's summary is sent; its rows never leave the device.
/// </summary>
public sealed class FederatedSiteOptions
{
    public List<LocalDatasetOptions> Datasets { get; set; } = [];

    public int PollSeconds { get; set; } = 15;
}

/// <summary>One local dataset: the name federations use, the CSV file, and its label column.</summary>
public sealed class LocalDatasetOptions
{
    public string Name { get; set; } = "";

    public string Path { get; set; } = "";

    public string LabelColumn { get; set; } = "";
}
