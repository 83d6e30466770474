namespace Platform.Application.Notifications.Queries.WatchApprovals;

/// <summary>
/// May the caller watch the approvals inbox live (promotion requests and their decisions)? Approvers and Admins may;
/// the authorisation behaviour answers for everyone else.
/// </summary>
[RequiresRole(Role.Approver)]
public sealed record WatchApprovalsQuery : IQuery<bool>;

public sealed class WatchApprovalsQueryHandler : IQueryHandler<WatchApprovalsQuery, bool>
{
    public ValueTask<bool> Handle(WatchApprovalsQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
