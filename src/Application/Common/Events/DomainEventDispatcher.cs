using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Platform.Domain.Common;

namespace Platform.Application.Common.Events;

/// <summary>
/// Hands domain events to the handlers registered for their type (<see cref="IDomainEventHandler{TEvent}"/> before
/// the save, <see cref="ISavedEventHandler{TEvent}"/> after it), resolved in the caller's scope. Called by the
/// persistence layer's save; nothing else calls it.
/// </summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    private static readonly ConcurrentDictionary<(Type, Type), Func<object, IDomainEvent, CancellationToken, Task>> Invokers = new();

    public Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        InvokeAllAsync(typeof(IDomainEventHandler<>), domainEvent, cancellationToken);

    public Task DispatchSavedAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        InvokeAllAsync(typeof(ISavedEventHandler<>), domainEvent, cancellationToken);

    private async Task InvokeAllAsync(Type handlerKind, IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var handlerType = handlerKind.MakeGenericType(domainEvent.GetType());
        var invoke = Invokers.GetOrAdd((handlerKind, domainEvent.GetType()), key => MakeInvoker(key.Item1, key.Item2));
        foreach (var handler in services.GetServices(handlerType))
        {
            await invoke(handler!, domainEvent, cancellationToken);
        }
    }

    private static Func<object, IDomainEvent, CancellationToken, Task> MakeInvoker(Type handlerKind, Type eventType)
    {
        var method = handlerKind.MakeGenericType(eventType).GetMethod("HandleAsync")!;
        return (handler, domainEvent, cancellationToken) => (Task)method.Invoke(handler, [domainEvent, cancellationToken])!;
    }
}
