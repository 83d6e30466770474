using Platform.Application.Artifacts;

namespace Platform.Application.Downloads.Commands.CreateDownloadLink;

/// <summary>
/// A short-lived link to download something the caller may read (a run's artefact, a model version's file, the audit
/// trail with filters), for a browser that holds no token: the portal asks for it with the user's token and hands the
/// link to the browser. The target is opened once through its normal read query, so a caller gets a link only to what
/// they could download themselves.
/// </summary>
[RequiresRole(Permissions.AnySignedIn)]
public sealed record CreateDownloadLinkCommand(DownloadTarget Target) : ICommand<IssuedDownloadLink>;

public sealed record IssuedDownloadLink(string Token, string FileName, DateTimeOffset ExpiresAt);

public sealed class CreateDownloadLinkCommandHandler(
    ISender sender, ICurrentUser currentUser, WorkspaceScope workspace, IDownloadLinkSigner signer, TimeProvider clock)
    : ICommandHandler<CreateDownloadLinkCommand, IssuedDownloadLink>
{
    /// <summary>Long enough for a browser to follow the link at once, short enough that a leaked one is soon worthless.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public async ValueTask<IssuedDownloadLink> Handle(CreateDownloadLinkCommand command, CancellationToken cancellationToken)
    {
        var content = await DownloadReads.OpenAsync(sender, command.Target, cancellationToken);
        if (content.Content is not null)
        {
            await content.Content.DisposeAsync();
        }

        var expiresAt = clock.GetUtcNow() + Lifetime;
        var ticket = new DownloadTicket(command.Target, currentUser.UserId, currentUser.Name, workspace.Roles, expiresAt) { Workspace = workspace.WorkspaceName };
        return new IssuedDownloadLink(ticket.Encode(signer), content.FileName, expiresAt);
    }
}

public sealed class CreateDownloadLinkCommandValidator : AbstractValidator<CreateDownloadLinkCommand>
{
    public CreateDownloadLinkCommandValidator()
    {
        RuleFor(c => c.Target.Kind).IsInEnum().OverridePropertyName("kind");
        When(c => c.Target.Kind == DownloadKind.RunArtifact, () =>
        {
            RuleFor(c => c.Target.RunId).NotNull().WithMessage("names the run").OverridePropertyName("runId");
            RuleFor(c => c.Target.Path!).NotEmpty().WithMessage("names the artefact").OverridePropertyName("path").ValidArtifactPath();
        });
        When(c => c.Target.Kind == DownloadKind.ModelVersion, () =>
        {
            RuleFor(c => c.Target.Model).NotEmpty().WithMessage("names the model").OverridePropertyName("model");
            RuleFor(c => c.Target.Version).NotNull().GreaterThan(0).WithMessage("is a version number from 1").OverridePropertyName("version");
        });
        When(c => c.Target.Kind == DownloadKind.AuditExport, () =>
            RuleFor(c => c.Target.Format).Must(f => f is null or "csv" or "json").WithMessage("must be csv or json").OverridePropertyName("format"));
    }
}
