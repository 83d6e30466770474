using Platform.Contracts.Fleet;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.EnrolDevice;

/// <summary>
/// A device enrols with a one-time token (the token is its credential here) and the public half of the key it made:
/// the device is created in the token's workspace and the token used, in one save. The same request again (same
/// token, same key) is answered the same device, so a lost answer is safe to retry; another key is refused.
/// </summary>
[AllowAnonymous]
public sealed record EnrolDeviceCommand(EnrolRequest Request) : ICommand<EnrolledDevice>;

public sealed class EnrolDeviceCommandValidator : AbstractValidator<EnrolDeviceCommand>
{
    public EnrolDeviceCommandValidator()
    {
        RuleFor(c => c.Request.Token).NotEmpty().OverridePropertyName("token");
        RuleFor(c => c.Request.Name).NotEmpty().MaximumLength(Device.MaxNameLength).OverridePropertyName("name");
        RuleFor(c => c.Request.PublicKey).NotNull().ValidDeviceKey().OverridePropertyName("publicKey");
        RuleFor(c => c.Request.Labels).ValidLabels();
        RuleFor(c => c.Request.Inventory).Must(i => FleetJson.Serialize(i).Length <= Device.MaxInventoryLength)
            .WithMessage($"must be at most {Device.MaxInventoryLength} characters as JSON").OverridePropertyName("inventory");
    }
}

public sealed class EnrolDeviceCommandHandler(IPlatformDbContext db, WorkspaceScope scope, IDownloadCaller caller, IManifestSigner manifests, TimeProvider clock)
    : ICommandHandler<EnrolDeviceCommand, EnrolledDevice>
{
    public async ValueTask<EnrolledDevice> Handle(EnrolDeviceCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var hash = EnrolmentSecrets.Hash(request.Token!);
        var token = await db.EnrolmentTokens.IgnoreQueryFilters().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw new UnauthenticatedException("The enrolment token is not valid.");
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == token.WorkspaceId, cancellationToken);
        scope.Enter(workspace.Id, workspace.Name, Role.None);
        caller.ActFor(null, $"device:{request.Name!.Trim()} (enrolment token {token.Prefix})", Role.None);

        var (jwk, thumbprint) = DeviceRules.Canonical(request.PublicKey!);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        if (token.Use(id, thumbprint, now) is { } enrolled)
        {
            return Answer(await db.LoadDeviceAsync(enrolled, cancellationToken), workspace.Name);
        }

        var name = request.Name.Trim();
        if (await db.Devices.AnyAsync(d => d.Name == name, cancellationToken))
        {
            throw new ConflictException("device.name", $"The fleet of '{workspace.Name}' has a device named '{name}' already: give this one another name.");
        }

        var labels = new Dictionary<string, string>(request.Labels ?? new Dictionary<string, string>());
        foreach (var (key, value) in token.Labels)
        {
            labels[key] = value;
        }

        var device = Device.Enrol(id, name, labels, jwk, thumbprint, FleetJson.Serialize(request.Inventory), token.Id, now);
        db.Devices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        return Answer(device, workspace.Name);
    }

    private EnrolledDevice Answer(Device device, string workspace) => new(
        device.Id, workspace, device.Name, device.Labels, device.State.ToString(), device.CredentialVersion, FleetApi.Token(device.Id), manifests.PublicKeys);
}
