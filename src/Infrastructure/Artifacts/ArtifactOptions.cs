namespace Platform.Infrastructure.Artifacts;

public enum ArtifactStoreKind
{
    FileSystem,
}

/// <summary>Section <c>Artifacts</c>.</summary>
public sealed class ArtifactOptions
{
    public const string Section = "Artifacts";

    public ArtifactStoreKind Store { get; set; } = ArtifactStoreKind.FileSystem;

    /// <summary>Root folder of the file-system store; defaults to <c>artifacts</c> in the data folder.</summary>
    public string? RootPath { get; set; }

    /// <summary>Largest artefact accepted, in bytes (default 2 GiB). Past it, uploads get 413.</summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>A blob nothing refers to is removed once it is this old (an upload in progress is never that old).</summary>
    public int OrphanGraceHours { get; set; } = 24;

    public int SweepIntervalMinutes { get; set; } = 60;
}
