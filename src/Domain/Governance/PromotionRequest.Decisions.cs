using Platform.Domain.Common;

namespace Platform.Domain.Governance;

/// <summary>A request's decisions: approvals, a rejection or its author's withdrawal, each closing it when it decides it.</summary>
public sealed partial class PromotionRequest
{
    /// <summary>
    /// Records an approval; true when it is the last one needed, after which the caller moves the stage with
    /// <paramref name="finalEvidence"/> (the gates checked again) stored here.
    /// </summary>
    public bool Approve(Actor approver, string? comment, Func<GateEvidence> finalEvidence, DateTimeOffset now)
    {
        EnsureDecidable(approver, now);
        if (_decisions.Any(d => d.Approved && SamePerson(d, approver)))
        {
            throw new DomainException("promotion.already-approved", $"{approver.Name} has already approved this request; one person counts once.");
        }

        if (Approvals + 1 < RequiredApprovals)
        {
            Decide(approver, true, comment, now);
            return false;
        }

        var evidence = finalEvidence();
        if (!evidence.Passed)
        {
            throw new GatesFailedException(evidence);
        }

        Decide(approver, true, comment, now);
        FinalEvidenceJson = GovernanceJson.Write(evidence);
        Close(PromotionStatus.Approved, approver.Name, now);
        Raise(new PromotionClosed(this, comment));
        return true;
    }

    public void Reject(Actor approver, string comment, DateTimeOffset now)
    {
        EnsureDecidable(approver, now);
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > MaxTextLength)
        {
            throw new DomainException("promotion.comment", $"A rejection needs a comment of 1 to {MaxTextLength} characters.");
        }

        Decide(approver, false, comment, now);
        Close(PromotionStatus.Rejected, approver.Name, now);
        Raise(new PromotionClosed(this, comment));
    }

    public void Withdraw(Actor author, DateTimeOffset now)
    {
        EnsurePending(now);
        if (!IsAuthor(author))
        {
            throw new DomainException("promotion.not-author", "Only the author of a request may withdraw it.");
        }

        Close(PromotionStatus.Withdrawn, author.Name, now);
        Raise(new PromotionClosed(this, null));
    }

    private void EnsureDecidable(Actor approver, DateTimeOffset now)
    {
        EnsurePending(now);
        if (IsAuthor(approver))
        {
            throw new SelfApprovalException();
        }
    }

    private void EnsurePending(DateTimeOffset now)
    {
        if (Status != PromotionStatus.Pending)
        {
            throw new DomainException("promotion.closed", $"This request is already {Status}.");
        }

        if (IsExpired(now))
        {
            throw new DomainException("promotion.expired", $"This request expired at {ExpiresAt:u}; make a new one.");
        }
    }

    private void Decide(Actor approver, bool approved, string? comment, DateTimeOffset now)
    {
        _decisions.Add(PromotionDecision.Record(Id, approver, approved, comment, now));
        ConcurrencyVersion++;
    }

    private void Close(PromotionStatus status, string by, DateTimeOffset now)
    {
        (Status, ClosedBy, ClosedAt) = (status, by, now);
        ConcurrencyVersion++;
    }

    private static bool SamePerson(PromotionDecision decision, Actor actor) =>
        actor.UserId is { } id && decision.ActorUserId is { } other ? id == other : decision.Actor == actor.Name;
}
