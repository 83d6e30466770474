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

/// <summary>The request needs no caller: signing in, opening a download link (the signed link is the credential), and a device enrolling (its one-time token) or proving its key (its signed assertion). Use for nothing else.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousAttribute : Attribute;

/// <summary>
/// A request about one job. A job's own token (role <see cref="Role.Job"/>) may send it for its own job only; what a
/// job's token may send at all is this, <see cref="IRunScoped"/> and <see cref="IReadableByJobs"/>.
/// </summary>
public interface IJobScoped
{
    Guid JobId { get; }
}

/// <summary>A request about one run: a job's token may send it for its own job's run only (its artefacts).</summary>
public interface IRunScoped
{
    Guid RunId { get; }
}

/// <summary>A read a running job needs whatever its run (a dataset version it trains or evaluates on).</summary>
public interface IReadableByJobs;
