namespace Platform.Application.Artifacts;

public sealed record ArtifactDto(string Path, string Sha256, long SizeBytes, string CreatedBy, DateTimeOffset CreatedAt);
