using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Domain.Identity;
using Platform.Domain.Jobs;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Authenticates a job's two credentials (<see cref="JobTokens"/>), each only while the job is where the credential
/// says: <c>Bearer pjt_…</c> while the job runs under the token's lease (once the attempt ended, was cancelled and
/// stopped, or lost its lease to a re-queue, the token fails), giving the role Job and naming the job, lease and run;
/// <c>Bearer pjc_…</c>, the claim ticket, while its attempt is the job's next (queued) or current (a worker asking
/// again for the job it holds), giving the role JobClaim and naming the job. What each may do is checked in the
/// application layer.
/// </summary>
internal sealed class JobTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PlatformDbContext db, JobTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => BearerToken.From(Request) switch
    {
        { } secret when JobTokens.LooksLikeToken(secret) => AuthenticateTokenAsync(secret),
        { } secret when JobTokens.LooksLikeTicket(secret) => AuthenticateTicketAsync(secret),
        _ => Task.FromResult(AuthenticateResult.NoResult()),
    };

    private async Task<AuthenticateResult> AuthenticateTokenAsync(string secret)
    {
        if (tokens.Read(secret) is not var (jobId, leaseId))
        {
            return AuthenticateResult.Fail("The job token is not valid.");
        }

        var job = await db.Jobs.AsNoTracking()
            .Where(j => j.Id == jobId && j.State == JobState.Running && j.LeaseId == leaseId)
            .Select(j => new { j.RunId })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (job is null)
        {
            return AuthenticateResult.Fail("The job token's attempt is no longer running (it ended, or its lease was lost).");
        }

        List<Claim> claims = [new(PlatformClaims.LeaseId, leaseId.ToString())];
        if (job.RunId is { } runId)
        {
            claims.Add(new Claim(PlatformClaims.RunId, runId.ToString()));
        }

        return Success("job:" + jobId, Role.Job, jobId, claims);
    }

    private async Task<AuthenticateResult> AuthenticateTicketAsync(string secret)
    {
        if (tokens.ReadClaimTicket(secret) is not var (jobId, attempt))
        {
            return AuthenticateResult.Fail("The job's claim ticket is not valid.");
        }

        var current = await db.Jobs.AsNoTracking()
            .AnyAsync(j => j.Id == jobId
                && ((j.State == JobState.Queued && j.Attempts + 1 == attempt) || (j.State == JobState.Running && j.Attempts == attempt)),
                Context.RequestAborted);
        return current
            ? Success("job-claim:" + jobId, Role.JobClaim, jobId, [])
            : AuthenticateResult.Fail("The job's claim ticket is for an attempt that is no longer queued or running (the job ended, was cancelled, or was queued again).");
    }

    private AuthenticateResult Success(string name, Role role, Guid jobId, IEnumerable<Claim> more)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, name),
                new Claim(PlatformClaims.Name, name),
                new Claim(PlatformClaims.Role, role.ToString()),
                new Claim(PlatformClaims.JobId, jobId.ToString()),
                .. more,
            ],
            Scheme.Name, PlatformClaims.Name, PlatformClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
