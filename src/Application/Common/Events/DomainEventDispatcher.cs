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
    private static readonly ConcurrentDictionary<Type, System.Reflection.MethodInfo> HandleMethods = new();

    public Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        InvokeAllAsync(typeof(IDomainEventHandler<>), domainEvent, cancellationToken);

    public Task DispatchSavedAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        InvokeAllAsync(typeof(ISavedEventHandler<>), domainEvent, cancellationToken);

    private async Task InvokeAllAsync(Type handlerKind, IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var handlerType = handlerKind.MakeGenericType(domainEvent.GetType());
        var handle = HandleMethods.GetOrAdd(handlerType, type => type.GetMethod("HandleAsync")!);
        foreach (var handler in services.GetServices(handlerType))
        {
            await (Task)handle.Invoke(handler, System.Reflection.BindingFlags.DoNotWrapExceptions, null, [domainEvent, cancellationToken], null)!;
        }
    }
}
