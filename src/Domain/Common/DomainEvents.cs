namespace Platform.Domain.Common;

/// <summary>Something that happened to an entity that other features react to, within the same save.</summary>
public interface IDomainEvent;

/// <summary>
/// An entity that records what happened to it as <see cref="IDomainEvent"/>s when its state changes; the save that
/// stores the change takes them (<see cref="TakeDomainEvents"/>) and hands them to the features that react.
/// </summary>
public abstract class AggregateRoot
{
    private static long _raised;
    private readonly List<(long Order, IDomainEvent Event)> _domainEvents = [];

    /// <summary>The events raised since they were last taken, and forgets them.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents() => [.. TakeRaisedDomainEvents().Select(e => e.Event)];

    /// <summary>
    /// The same, each with its place in the order of raising across all entities, so that a save that changed several
    /// entities hands on their events as they happened (a stage holder archived before its successor is promoted).
    /// </summary>
    public IReadOnlyList<(long Order, IDomainEvent Event)> TakeRaisedDomainEvents()
    {
        var taken = _domainEvents.ToArray();
        _domainEvents.Clear();
        return taken;
    }

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add((Interlocked.Increment(ref _raised), domainEvent));
}
