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
}
