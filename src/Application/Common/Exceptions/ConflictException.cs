namespace Platform.Application.Common.Exceptions;

/// <summary>The request conflicts with stored state, e.g. a name already taken (HTTP 409).</summary>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
