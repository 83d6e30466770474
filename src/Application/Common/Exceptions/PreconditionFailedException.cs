namespace Platform.Application.Common.Exceptions;

/// <summary>The client's If-Match version is stale (HTTP 412).</summary>
public sealed class PreconditionFailedException(string resource, int expected, int actual)
    : Exception($"{resource} has changed: you sent version {expected}, the current version is {actual}. Reload and try again.");
