namespace Platform.Application.Common.Interfaces;

/// <summary>The configured artefact size limit, read by the upload handler.</summary>
public interface IArtifactLimits
{
    long MaxBytes { get; }
}
