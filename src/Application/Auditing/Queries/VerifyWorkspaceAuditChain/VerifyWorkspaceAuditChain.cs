namespace Platform.Application.Auditing.Queries.VerifyWorkspaceAuditChain;

/// <summary>Verifies the workspace's own chain (<see cref="AuditChainVerifier"/>; its Approvers and Admins).</summary>
[RequiresRole(Permissions.Audit)]
public sealed record VerifyWorkspaceAuditChainQuery : IQuery<AuditVerificationDto>;

public sealed class VerifyWorkspaceAuditChainQueryHandler(IPlatformDbContext db, IWorkspaceScope scope) : IQueryHandler<VerifyWorkspaceAuditChainQuery, AuditVerificationDto>
{
    public async ValueTask<AuditVerificationDto> Handle(VerifyWorkspaceAuditChainQuery query, CancellationToken cancellationToken) =>
        await AuditChainVerifier.VerifyAsync(db, new AuditChain(scope.WorkspaceId ?? Workspace.DefaultId), cancellationToken) with { Workspace = scope.WorkspaceName };
}
