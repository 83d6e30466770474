using Platform.Domain.Common;

namespace Platform.Domain.Registry;

/// <summary>One entry of a version's stage history: from, to, who, when, why, and the promotion request behind it.</summary>
public sealed class StageTransition
{
    public const int MaxReasonLength = 2000;

    private StageTransition()
    {
        Actor = string.Empty;
        Reason = string.Empty;
    }

    public long Sequence { get; private set; }
    public Guid ModelId { get; private set; }
    public Guid ModelVersionId { get; private set; }
    public ModelStage From { get; private set; }
    public ModelStage To { get; private set; }
    public string Actor { get; private set; }
    public string Reason { get; private set; }
    public Guid? PromotionRequestId { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal static StageTransition Record(ModelVersion version, ModelStage to, string actor, string reason, Guid? requestId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            throw new DomainException("model.stage-reason", $"A stage change needs a reason of 1 to {MaxReasonLength} characters.");
        }

        return new StageTransition
        {
            ModelId = version.ModelId,
            ModelVersionId = version.Id,
            From = version.Stage,
            To = to,
            Actor = actor,
            Reason = reason,
            PromotionRequestId = requestId,
            At = now,
        };
    }
}
