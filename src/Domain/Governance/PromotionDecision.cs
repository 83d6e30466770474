using Platform.Domain.Common;

namespace Platform.Domain.Governance;

/// <summary>One approver's approval or rejection of a promotion request, with their comment.</summary>
public sealed class PromotionDecision
{
    private PromotionDecision()
    {
        Actor = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Actor { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public bool Approved { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }

    internal static PromotionDecision Record(Guid requestId, Actor actor, bool approved, string? comment, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        RequestId = requestId,
        Actor = actor.Name,
        ActorUserId = actor.UserId,
        Approved = approved,
        Comment = comment,
        DecidedAt = now,
    };
}
