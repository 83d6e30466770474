namespace Platform.Application.Common.Exceptions;

/// <summary>A download link past its expiry (HTTP 410): it was good once, and is no more.</summary>
public sealed class DownloadLinkExpiredException(string message) : Exception(message);
