using Platform.Domain.Common;

namespace Platform.Domain.Jobs;

/// <summary>The job changed in a way people watching it see: claimed, progressed, cancel asked for, ended, queued again.</summary>
public sealed record JobChanged(Job Job) : IDomainEvent;

/// <summary>The job reached a final state (<see cref="JobStateExtensions.IsFinal"/>): what follows from its end reacts to this.</summary>
public sealed record JobEnded(Job Job, DateTimeOffset At) : IDomainEvent;

/// <summary>A failed, cancelled or timed-out job was queued again by hand; <paramref name="PreviouslyEndedAt"/> is when that end was.</summary>
public sealed record JobRetried(Job Job, DateTimeOffset? PreviouslyEndedAt) : IDomainEvent;
