namespace Platform.Application.Auditing.Queries.VerifyAuditChain;

/// <summary>
/// Verifies every chain (<see cref="AuditChainVerifier"/>): the platform's and each workspace's. Intact when all are;
/// otherwise the first break found, and each chain's own result.
/// </summary>
[PlatformWide]
[RequiresRole(Permissions.Audit)]
public sealed record VerifyAuditChainQuery : IQuery<AuditVerificationDto>;

public sealed class VerifyAuditChainQueryHandler(IPlatformDbContext db) : IQueryHandler<VerifyAuditChainQuery, AuditVerificationDto>
{
    public async ValueTask<AuditVerificationDto> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        var names = await db.Workspaces.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
        var workspaces = await db.AuditEvents.AsNoTracking().Where(e => e.WorkspaceId != null).Select(e => e.WorkspaceId).Distinct().ToListAsync(cancellationToken);
        var chains = new List<AuditVerificationDto>();
        foreach (var chain in workspaces.Select(id => new AuditChain(id)).Prepend(AuditChain.Platform))
        {
            var verified = await AuditChainVerifier.VerifyAsync(db, chain, cancellationToken);
            if (chain.WorkspaceId is { } id && !names.ContainsKey(id))
            {
                // Workspaces are never deleted: events naming none were moved there.
                verified = verified with { Intact = false, Reason = "its events name a workspace that does not exist: they were moved out of their chain" };
            }

            chains.Add(verified with { Workspace = chain.WorkspaceId is { } known ? names.GetValueOrDefault(known, known.ToString()) : null });
        }

        var broken = chains.Where(c => !c.Intact).MinBy(c => c.FirstBrokenSequence);
        return new AuditVerificationDto(broken is null, chains.Sum(c => c.SealedEvents), chains.Sum(c => c.UnsealedEvents), broken?.FirstBrokenSequence,
            broken is null ? null : broken.Workspace is { } name ? $"in workspace '{name}''s chain: {broken.Reason}" : $"in the platform's chain: {broken.Reason}")
        { Chains = chains };
    }
}
