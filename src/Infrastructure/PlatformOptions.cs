namespace Platform.Infrastructure;

/// <summary>Section <c>Platform</c>: where the embedded host keeps its files.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Folder for the SQLite file, artefacts, keys and the first admin's password (relative to the working folder).</summary>
    public string DataDirectory { get; set; } = "data";

    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(DataDirectory, relative));
}
