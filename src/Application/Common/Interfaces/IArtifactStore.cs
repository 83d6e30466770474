namespace Platform.Application.Common.Interfaces;

/// <summary>Content-addressed blob storage: content is stored once under its SHA-256 and streamed, never held whole.</summary>
public interface IArtifactStore
{
    /// <summary>Streams <paramref name="content"/> into the store.</summary>
    /// <exception cref="Exceptions.PayloadTooLargeException">The content passed <paramref name="maxBytes"/>; nothing is kept.</exception>
    Task<StoredBlob> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Opens stored content for reading, or null when the store has no blob with that hash.</summary>
    Stream? OpenRead(string sha256);
}

public sealed record StoredBlob(string Sha256, long SizeBytes);
