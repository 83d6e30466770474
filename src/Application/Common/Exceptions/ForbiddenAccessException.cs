namespace Platform.Application.Common.Exceptions;

/// <summary>The caller is known but lacks the role the operation needs (HTTP 403).</summary>
public sealed class ForbiddenAccessException(string message) : Exception(message);
