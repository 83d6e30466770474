using System.Reflection;

namespace Platform.Application.Common.Behaviours;

/// <summary>
/// Checks the caller's roles against the request's <see cref="RequiresRoleAttribute"/> before anything else runs, and
/// keeps a job's token to requests about its own job (<see cref="IJobScoped"/>), and a claim ticket to claiming its job.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser, WorkspaceScope workspace) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly bool IsAnonymous = typeof(TMessage).GetCustomAttribute<AllowAnonymousAttribute>() is not null;
    private static readonly bool IsPlatformWide = typeof(TMessage).GetCustomAttribute<PlatformWideAttribute>() is not null;
    private static readonly Role? Required = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>()?.AnyOf;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!IsAnonymous)
        {
            if (Required is null)
            {
                throw new InvalidOperationException($"{typeof(TMessage).Name} declares no role requirement.");
            }

            if (!currentUser.IsAuthenticated)
            {
                throw new UnauthenticatedException("Sign in first.");
            }

            var held = workspace.WorkspaceId is not null && !IsPlatformWide ? workspace.Roles : currentUser.Roles;
            if (!held.Satisfies(Required.Value))
            {
                var where = workspace.WorkspaceName is { } name && !IsPlatformWide ? $" in workspace '{name}'" : "";
                throw new ForbiddenAccessException(
                    $"This needs one of the roles {string.Join(", ", Required.Value.Split())}{where}; you have {(held == Role.None ? "none" : string.Join(", ", held.Split()))}.");
            }

            if (currentUser.Roles == Role.Job && !IsForCallersJob(message, currentUser.Job))
            {
                throw new ForbiddenAccessException("A job's token may act only for its own job and run, and read datasets.");
            }

            if (currentUser.Roles == Role.JobClaim && !(message is IJobScoped claim && claim.JobId == currentUser.ClaimableJobId))
            {
                throw new ForbiddenAccessException("A job's claim ticket may claim only its own job.");
            }
        }

        return next(message, cancellationToken);
    }

    private static bool IsForCallersJob(TMessage message, JobScope? job) => message switch
    {
        IJobScoped scoped => scoped.JobId == job?.JobId,
        IRunScoped scoped => job?.RunId is { } run && scoped.RunId == run,
        IReadableByJobs => true,
        _ => false,
    };
}
