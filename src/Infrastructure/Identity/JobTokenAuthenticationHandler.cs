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
/// Authenticates <c>Authorization: Bearer pjt_…</c> (<see cref="JobTokens"/>) while the job runs under the token's
/// lease: once the attempt ended, was cancelled and stopped, or lost its lease to a re-queue, the token fails. The
/// principal holds the role Job and names the job, lease and run; what it may do is checked in the application layer.
/// </summary>
internal sealed class JobTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PlatformDbContext db, JobTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = BearerToken.From(Request);
        if (secret is null || tokens.Read(secret) is not var (jobId, leaseId))
        {
            return secret is not null && JobTokens.LooksLikeToken(secret)
                ? AuthenticateResult.Fail("The job token is not valid.")
                : AuthenticateResult.NoResult();
        }

        var job = await db.Jobs.AsNoTracking()
            .Where(j => j.Id == jobId && j.State == JobState.Running && j.LeaseId == leaseId)
            .Select(j => new { j.RunId })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (job is null)
        {
            return AuthenticateResult.Fail("The job token's attempt is no longer running (it ended, or its lease was lost).");
        }

        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, "job:" + jobId),
            new(PlatformClaims.Name, "job:" + jobId),
            new(PlatformClaims.Role, nameof(Domain.Identity.Role.Job)),
            new(PlatformClaims.JobId, jobId.ToString()),
            new(PlatformClaims.LeaseId, leaseId.ToString()),
        };
        if (job.RunId is { } runId)
        {
            claims.Add(new Claim(PlatformClaims.RunId, runId.ToString()));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, PlatformClaims.Name, PlatformClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
