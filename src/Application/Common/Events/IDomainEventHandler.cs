using Platform.Domain.Common;

namespace Platform.Application.Common.Events;

/// <summary>
/// A feature's reaction to a domain event, run inside the save that stores the change (so in its transaction): it may
/// change other entities, which are saved with it; it never saves itself. Found by <see cref="DomainEventDispatcher"/>.
/// </summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// A reaction once the save that carried the event has succeeded: telling people and systems outside (live updates).
/// It changes nothing; an event raised twice in one save (the same entity changed twice) is handed over once.
/// </summary>
public interface ISavedEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
