using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Domain.Identity;
using Platform.Infrastructure.Fleet;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Authenticates a device's token (<c>Bearer pdt_…</c>, <see cref="DeviceTokens"/>) while it has not expired and its
/// device may still call with that credential version: a suspended, decommissioned or revoked device, or one whose key
/// was rotated, is refused on its next call (401). Gives the role Device, naming the device and its workspace.
/// </summary>
internal sealed class DeviceTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DeviceTokens tokens,
    DeviceAccessCache devices)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } secret || !DeviceTokens.LooksLikeToken(secret))
        {
            return AuthenticateResult.NoResult();
        }

        if (tokens.Read(secret) is not var (deviceId, version))
        {
            return AuthenticateResult.Fail("The device token is not valid or has expired: prove the device's key for a new one.");
        }

        var device = await devices.GetAsync(deviceId, Context.RequestServices.GetRequiredService<PlatformDbContext>, Context.RequestAborted);
        if (device is not { MayCall: true } || device.CredentialVersion != version)
        {
            return AuthenticateResult.Fail("The device is suspended, decommissioned or revoked, or its key changed since this token was issued.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, "device:" + deviceId),
                new Claim(PlatformClaims.Name, "device:" + device.Name),
                new Claim(PlatformClaims.Role, nameof(Role.Device)),
                new Claim(PlatformClaims.DeviceId, deviceId.ToString()),
                new Claim(PlatformClaims.Workspace, device.WorkspaceId.ToString()),
                new Claim(PlatformClaims.WorkspaceName, device.WorkspaceName),
                new Claim(PlatformClaims.DesiredRevision, device.DesiredRevision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            Scheme.Name, PlatformClaims.Name, PlatformClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
