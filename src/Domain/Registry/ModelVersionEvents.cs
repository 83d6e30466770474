using Platform.Domain.Common;

namespace Platform.Domain.Registry;

/// <summary>A new version was registered (from a run or an upload).</summary>
public sealed record ModelVersionRegistered(ModelVersion Version) : IDomainEvent;

/// <summary>The version moved from one stage to another, as <paramref name="Transition"/> records.</summary>
public sealed record ModelVersionStageChanged(ModelVersion Version, StageTransition Transition) : IDomainEvent;
