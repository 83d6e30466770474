namespace Platform.Domain.Common;

/// <summary>Something that happened to an entity that other features react to, within the same save.</summary>
public interface IDomainEvent;

/// <summary>
/// An entity that records what happened to it as <see cref="IDomainEvent"/>s when its state changes; the save that
/// stores the change takes them (<see cref="TakeDomainEvents"/>) and hands them to the features that react.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>The events raised since they were last taken, and forgets them.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var taken = _domainEvents.ToArray();
        _domainEvents.Clear();
        return taken;
    }

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}
