namespace Platform.Domain.Governance;

/// <summary>The author of a request tried to decide it (separation of duties).</summary>
public sealed class SelfApprovalException() : Common.DomainException("promotion.self-approval", "You made this request; someone else must decide it.");

/// <summary>The gates failed: the evidence says which and why (the message names them; the problem's title already says "Gates failed").</summary>
public sealed class GatesFailedException(GateEvidence evidence)
    : Common.DomainException("promotion.gates", string.Join("; ", evidence.Failures.Select(f => $"{f.Gate} ({f.Detail})")))
{
    public GateEvidence Evidence { get; } = evidence;
}
