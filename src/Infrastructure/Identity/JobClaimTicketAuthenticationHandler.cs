using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Domain.Jobs;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer pjc_…</c> (<see cref="JobTokens.IssueClaimTicket"/>) while the ticket's
/// attempt is the job's next one (the job is queued) or its current one (a worker asking again for the job it holds).
/// The principal holds the role JobClaim and names the job; the application layer lets it claim that job only.
/// </summary>
internal sealed class JobClaimTicketAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PlatformDbContext db, JobTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = BearerToken.From(Request);
        if (secret is null || tokens.ReadClaimTicket(secret) is not var (jobId, attempt))
        {
            return secret is not null && JobTokens.LooksLikeTicket(secret)
                ? AuthenticateResult.Fail("The job's claim ticket is not valid.")
                : AuthenticateResult.NoResult();
        }

        var current = await db.Jobs.AsNoTracking()
            .AnyAsync(j => j.Id == jobId
                && ((j.State == JobState.Queued && j.Attempts + 1 == attempt) || (j.State == JobState.Running && j.Attempts == attempt)),
                Context.RequestAborted);
        if (!current)
        {
            return AuthenticateResult.Fail("The job's claim ticket is for an attempt that is no longer queued or running (the job ended, was cancelled, or was queued again).");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, "job-claim:" + jobId),
                new Claim(PlatformClaims.Name, "job-claim:" + jobId),
                new Claim(PlatformClaims.Role, nameof(Domain.Identity.Role.JobClaim)),
                new Claim(PlatformClaims.JobId, jobId.ToString()),
            ],
            Scheme.Name, PlatformClaims.Name, PlatformClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
