namespace Platform.Domain.Governance;

public enum PromotionStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,

    /// <summary>Pending past its expiry: shown, never stored (a decision on it is refused).</summary>
    Expired,
}
