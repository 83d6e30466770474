using Platform.Domain.Registry;

namespace Platform.Application.Governance;

public sealed record StageTransitionDto(string Model, int Version, ModelStage From, ModelStage To, string Actor, string Reason, Guid? PromotionRequestId, DateTimeOffset At);
