namespace Platform.Application.Downloads.Queries.OpenDownload;

/// <summary>
/// Opens what a download link names, for a request that carries no credentials: the link itself is the credential.
/// A bad MAC is 401, an expired link 410; a user since removed or disabled is 401; then the content is read, as that
/// user with the roles they still hold in the link's workspace (no more than they used to make the link), through the
/// normal read query inside that workspace.
/// </summary>
[AllowAnonymous]
public sealed record OpenDownloadQuery(string Token) : IQuery<DownloadContent>;

public sealed class OpenDownloadQueryHandler(
    ISender sender, IPlatformDbContext db, IDownloadLinkSigner signer, IDownloadCaller caller, WorkspaceScope workspace, TimeProvider clock)
    : IQueryHandler<OpenDownloadQuery, DownloadContent>
{
    public async ValueTask<DownloadContent> Handle(OpenDownloadQuery query, CancellationToken cancellationToken)
    {
        var ticket = DownloadTicket.Decode(query.Token, signer) ?? throw new UnauthenticatedException("This download link is not valid.");
        if (ticket.ExpiresAt <= clock.GetUtcNow())
        {
            throw new DownloadLinkExpiredException("This download link has expired; ask for the download again.");
        }

        if (ticket.UserId is { } userId
            && await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (bool?)u.IsDisabled).SingleOrDefaultAsync(cancellationToken) is null or true)
        {
            throw new UnauthenticatedException("This download link's user can no longer sign in.");
        }

        caller.ActFor(ticket.UserId, ticket.UserName, ticket.Roles);
        workspace.Close(ticket.Workspace);
        return await DownloadReads.OpenAsync(sender, ticket.Target, cancellationToken);
    }
}
