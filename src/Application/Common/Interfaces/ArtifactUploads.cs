namespace Platform.Application.Common.Interfaces;

public static class ArtifactUploads
{
    /// <summary>
    /// Streams an upload into the store under the configured limit; a declared length over it is refused before a
    /// byte is read, an undeclared one when the stream passes it.
    /// </summary>
    /// <exception cref="PayloadTooLargeException">The upload is over the limit; nothing is kept.</exception>
    public static Task<StoredBlob> SaveUploadAsync(
        this IArtifactStore store, Stream content, long? declaredLength, IArtifactLimits limits, CancellationToken cancellationToken) =>
        declaredLength > limits.MaxBytes
            ? throw new PayloadTooLargeException(limits.MaxBytes)
            : store.SaveAsync(content, limits.MaxBytes, cancellationToken);
}
