using System.Reflection;

namespace Platform.Application.Common.Auditing;

/// <summary>
/// Marks every command (a request that changes state) as audited for the duration of its handler: whatever it saves
/// is recorded as one audit event in the same transaction (Infrastructure's audit interceptor). Queries and
/// <see cref="NotAuditedAttribute"/> commands are not.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(AuditScope scope) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string? Action =
        typeof(TMessage).GetCustomAttribute<NotAuditedAttribute>() is null && typeof(IBaseCommand).IsAssignableFrom(typeof(TMessage))
            ? typeof(TMessage).Name.Replace("Command", "", StringComparison.Ordinal)
            : null;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Action is null || !scope.Enabled)
        {
            return await next(message, cancellationToken);
        }

        var outer = scope.Action;
        scope.Action = Action;
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            scope.Action = outer;
        }
    }
}
