namespace Platform.Application.Common.Exceptions;

/// <summary>The platform takes no more of this work for now (HTTP 429 with <c>Retry-After</c>): the caller tries again later.</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
