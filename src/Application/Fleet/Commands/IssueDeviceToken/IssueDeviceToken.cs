using Platform.Application.Common.Auditing;
using Platform.Contracts.Fleet;

namespace Platform.Application.Fleet.Commands.IssueDeviceToken;

/// <summary>
/// A bearer token for a device that proves its key (the assertion is its credential here; docs/decisions/ADR-008).
/// Refused (401) for a device that is unknown, suspended, decommissioned or revoked. Not audited: devices ask every
/// few minutes; the first one marks the device Active.
/// </summary>
[AllowAnonymous]
[NotAudited]
public sealed record IssueDeviceTokenCommand(Guid DeviceId, string? Assertion) : ICommand<DeviceTokenResponse>;

public sealed class IssueDeviceTokenCommandValidator : AbstractValidator<IssueDeviceTokenCommand>
{
    public IssueDeviceTokenCommandValidator() => RuleFor(c => c.Assertion).NotEmpty().MaximumLength(4000);
}

public sealed class IssueDeviceTokenCommandHandler(IPlatformDbContext db, IDeviceTokenIssuer issuer, IAssertionReplayGuard replay, TimeProvider clock)
    : ICommandHandler<IssueDeviceTokenCommand, DeviceTokenResponse>
{
    public async ValueTask<DeviceTokenResponse> Handle(IssueDeviceTokenCommand command, CancellationToken cancellationToken)
    {
        var device = await db.Devices.IgnoreQueryFilters().SingleOrDefaultAsync(d => d.Id == command.DeviceId, cancellationToken);
        if (device is not { MayCall: true })
        {
            throw new UnauthenticatedException("The device is unknown, suspended or decommissioned, or its credential was revoked.");
        }

        var now = clock.GetUtcNow();
        DeviceAssertion.Check(command.Assertion, DeviceRules.Stored(device.PublicKeyJwk), device.Id, FleetApi.TokenAudience(device.Id), now, replay);
        device.Seen(now);
        await db.SaveChangesAsync(cancellationToken);
        return issuer.Issue(device.Id, device.CredentialVersion);
    }
}
