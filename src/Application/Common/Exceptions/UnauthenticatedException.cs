namespace Platform.Application.Common.Exceptions;

/// <summary>No valid credentials (HTTP 401). The message never says which part was wrong.</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);
