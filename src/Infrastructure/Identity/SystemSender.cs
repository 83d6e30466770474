using Mediator;

namespace Platform.Infrastructure.Identity;

/// <summary>Sends a command or query as the platform itself (role System), naming the worker or service it acts for.</summary>
public sealed class SystemSender(ISender sender, Platform.Application.Common.Interfaces.ICurrentUser currentUser)
{
    public async Task<T> SendAsync<T>(ICommand<T> command, string actor, CancellationToken cancellationToken)
    {
        ((ScopedCurrentUser)currentUser).ActAsSystem(actor);
        return await sender.Send(command, cancellationToken);
    }

    public async Task<T> QueryAsync<T>(IQuery<T> query, string actor, CancellationToken cancellationToken)
    {
        ((ScopedCurrentUser)currentUser).ActAsSystem(actor);
        return await sender.Send(query, cancellationToken);
    }
}
