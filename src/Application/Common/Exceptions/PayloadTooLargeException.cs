namespace Platform.Application.Common.Exceptions;

/// <summary>The request body is over the configured limit (HTTP 413).</summary>
public sealed class PayloadTooLargeException(long limitBytes)
    : Exception($"The content is larger than the limit of {limitBytes} bytes.")
{
    public long LimitBytes { get; } = limitBytes;
}
