using Platform.Domain.Common;
using Platform.Domain.Governance;

namespace Platform.Domain.Fleet;

/// <summary>
/// The optional approval before a rollout starts (as governance decides promotions): an Approver other than its starter
/// approves it, and it starts then, over the devices its selector picks at that moment; or rejects it, and it ends.
/// </summary>
public sealed partial class Rollout
{
    public const int MaxCommentLength = 2000;

    /// <summary>Whether it was started with an approval required (it stays true once decided).</summary>
    public bool RequiresApproval { get; private set; }

    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? ApprovalComment { get; private set; }

    /// <summary>
    /// Approved by <paramref name="approver"/>: it starts now over the <paramref name="totalDevices"/> its selector picks
    /// now (the fleet may have changed while it waited), and the first wave's pace counts from now.
    /// </summary>
    public void Approve(Actor approver, string? comment, int totalDevices, DateTimeOffset now)
    {
        EnsureDecidable(approver);
        if (totalDevices == 0)
        {
            throw new DomainException("rollout.no-devices", $"The selector '{Selector}' picks no active device of this fleet any more.");
        }

        (State, TotalDevices, WaveStartedAt) = (RolloutState.Running, totalDevices, now);
        (ApprovedBy, ApprovedAt, ApprovalComment) = (approver.Name, now, Comment(comment));
        Raise(new RolloutChanged(this, RolloutChange.Started));
        ConcurrencyVersion++;
    }

    /// <summary>Rejected by an Approver other than its starter, with <paramref name="reason"/>: it ends, no device having got anything.</summary>
    public void Reject(Actor approver, string reason, DateTimeOffset now)
    {
        EnsureDecidable(approver);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("rollout.comment", "A rejection needs a comment saying why.");
        }

        (State, Reason, EndedAt) = (RolloutState.Rejected, Trim(reason.Trim()), now);
        Raise(new RolloutChanged(this, RolloutChange.Rejected));
        ConcurrencyVersion++;
    }

    /// <summary>Whether <paramref name="actor"/> started it: by user id when both have one, by name otherwise (as a promotion request's author).</summary>
    public bool IsStarter(Actor actor) => actor.UserId is { } id && CreatedByUserId is { } starter ? id == starter : actor.Name == CreatedBy;

    private void EnsureDecidable(Actor approver)
    {
        if (State != RolloutState.AwaitingApproval)
        {
            throw new DomainException("rollout.not-awaiting-approval", $"The rollout is {State}: only a rollout awaiting its approval can be approved or rejected.");
        }

        if (IsStarter(approver))
        {
            throw new DomainException("rollout.self-approval", "You started this rollout; someone else must approve or reject it.");
        }
    }

    private static string? Comment(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() is { Length: > MaxCommentLength } c ? c[..MaxCommentLength] : comment.Trim();
}
