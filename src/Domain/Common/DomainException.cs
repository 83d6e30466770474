namespace Platform.Domain.Common;

/// <summary>A rule of the domain was broken: the operation conflicts with the entity's current state.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    /// <summary>A stable, machine-readable name for the rule, e.g. <c>run.param-conflict</c>.</summary>
    public string Code { get; } = code;
}
