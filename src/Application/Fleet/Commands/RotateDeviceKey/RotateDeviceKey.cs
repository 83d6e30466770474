using Platform.Contracts.Fleet;

namespace Platform.Application.Fleet.Commands.RotateDeviceKey;

/// <summary>
/// A device replaces its key (with its token): an assertion signed by the key the platform holds vouches for the new
/// key's thumbprint (its <c>jkt</c> claim), so a stolen bearer token alone cannot take the device over, and an assertion
/// signed by the new key proves the device holds it (both with <c>aud</c>: the key path). Its credential version grows:
/// tokens of the old key stop at once.
/// </summary>
[RequiresRole(Role.Device)]
public sealed record RotateDeviceKeyCommand(RotateKeyRequest Request) : ICommand<EnrolledDevice>;

public sealed class RotateDeviceKeyCommandValidator : AbstractValidator<RotateDeviceKeyCommand>
{
    public RotateDeviceKeyCommandValidator()
    {
        RuleFor(c => c.Request.PublicKey).NotNull().ValidDeviceKey().OverridePropertyName("publicKey");
        RuleFor(c => c.Request.Assertion).NotEmpty().MaximumLength(4000).OverridePropertyName("assertion");
        RuleFor(c => c.Request.CurrentKeyAssertion).NotEmpty().WithMessage("must be an assertion signed by the device's current key, naming the new key in jkt")
            .MaximumLength(4000).OverridePropertyName("currentKeyAssertion");
    }
}

public sealed class RotateDeviceKeyCommandHandler(
    IPlatformDbContext db, ICurrentUser caller, IDeviceAccessCache cache, IAssertionReplayGuard replay, IManifestSigner manifests, TimeProvider clock)
    : ICommandHandler<RotateDeviceKeyCommand, EnrolledDevice>
{
    public async ValueTask<EnrolledDevice> Handle(RotateDeviceKeyCommand command, CancellationToken cancellationToken)
    {
        var self = caller.Device ?? throw new ForbiddenAccessException("Only a device rotates its own key.");
        var device = await db.LoadDeviceAsync(self.DeviceId, cancellationToken);
        var (jwk, thumbprint) = DeviceRules.Canonical(command.Request.PublicKey!);
        var now = clock.GetUtcNow();
        DeviceAssertion.Check(command.Request.CurrentKeyAssertion, DeviceRules.Stored(device.PublicKeyJwk), device.Id, FleetApi.Key, now, replay, thumbprint);
        DeviceAssertion.Check(command.Request.Assertion, command.Request.PublicKey!, device.Id, FleetApi.Key, now, replay);
        device.RotateKey(jwk, thumbprint);
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(device.Id);
        return new EnrolledDevice(
            device.Id, self.WorkspaceName, device.Name, device.Labels, device.State.ToString(), device.CredentialVersion, FleetApi.Token(device.Id), manifests.PublicKeys);
    }
}
