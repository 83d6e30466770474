using Platform.Domain.Common;

namespace Platform.Domain.Federated;

public enum FederationChange
{
    Created,
    Started,
    RoundAggregated,
    Completed,
    Stopped,
    Failed,
    Cancelled,
}

/// <summary>A federation was created, began its rounds, aggregated round <see cref="Round"/>, or ended.</summary>
public sealed record FederationChanged(Federation Federation, FederationChange Change, int? Round = null) : IDomainEvent;
