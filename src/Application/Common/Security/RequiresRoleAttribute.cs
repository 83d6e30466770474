using Platform.Domain.Identity;

namespace Platform.Application.Common.Security;

/// <summary>
/// The roles that may send this request (any one of them; Admin always may).
/// Every request type carries this or <see cref="AllowAnonymousAttribute"/>: a test checks it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(Role anyOf) : Attribute
{
    public Role AnyOf { get; } = anyOf;
}

/// <summary>The request needs no caller (signing in). Use for nothing else.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousAttribute : Attribute;

/// <summary>
/// A request about one job. A job's own token (role <see cref="Role.Job"/>) may send only requests that carry this,
/// and only for its own job.
/// </summary>
public interface IJobScoped
{
    Guid JobId { get; }
}
