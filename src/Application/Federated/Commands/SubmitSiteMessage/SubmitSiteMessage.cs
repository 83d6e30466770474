using System.Security.Cryptography;
using Platform.Application.Common.Auditing;
using Platform.Contracts.Federated;
using Platform.Domain.Federated;

namespace Platform.Application.Federated.Commands.SubmitSiteMessage;

/// <summary>
/// A site's message for one of secure aggregation's phases (its device token): its keys, its encrypted shares, or what it
/// reveals to unmask the sum. Taken once per phase from a site the phase waits for (403 otherwise), checked before it is
/// kept (400 with the reason); a repeat of the same bytes answers as the first, other bytes are a 409. Not audited one by
/// one: the round's aggregation is.
/// </summary>
[RequiresRole(Role.Device)]
[NotAudited]
public sealed partial record SubmitSiteMessageCommand(Guid FederationId, Guid RoundId, string Phase, SiteMessage Message) : ICommand<SiteUpdateReceipt>;

public sealed class SubmitSiteMessageCommandValidator : AbstractValidator<SubmitSiteMessageCommand>
{
    public const int MaxPayloadCharacters = 4 * 1024 * 1024;

    public SubmitSiteMessageCommandValidator()
    {
        RuleFor(c => c.Phase).Must(p => SubmitSiteMessageCommand.PhaseOf(p) is not null).WithMessage("must be keys, shares or unmask").OverridePropertyName("phase");
        RuleFor(c => c.Message.Payload).NotEmpty().MaximumLength(MaxPayloadCharacters).OverridePropertyName("payload");
    }
}

public sealed class SubmitSiteMessageCommandHandler(IPlatformDbContext db, ICurrentUser caller, ISecureAggregation secure, TimeProvider clock)
    : ICommandHandler<SubmitSiteMessageCommand, SiteUpdateReceipt>
{
    public async ValueTask<SiteUpdateReceipt> Handle(SubmitSiteMessageCommand command, CancellationToken cancellationToken)
    {
        var device = caller.Device?.DeviceId ?? throw new ForbiddenAccessException("Only a site sends a round's messages.");
        var phase = SubmitSiteMessageCommand.PhaseOf(command.Phase)!.Value;
        var (round, federation) = await SiteSubmissions.LoadAsync(db, command.FederationId, command.RoundId, device, cancellationToken);
        if (!federation.Plan.SecureAggregation)
        {
            throw new ConflictException("federation.no-secure-aggregation", $"Federation '{federation.Name}' does not use secure aggregation; its sites send only their updates.");
        }

        var payload = SiteSubmissions.Base64(command.Message.Payload!, "payload");
        var sha = Convert.ToHexStringLower(SHA256.HashData(payload));
        if (await SiteSubmissions.RepeatAsync(db, round, device, phase, sha, payload.Length, cancellationToken) is { } repeat)
        {
            return repeat;
        }

        var now = clock.GetUtcNow();
        round.RequireAccepting(device, phase, now);
        var participants = await RoundParticipants.OfAsync(db, round, cancellationToken);
        var site = round.SiteNumber(device);
        if (!participants.Expected(round, phase).Contains(site))
        {
            throw new ForbiddenAccessException($"Site {site} did not take part in the phase before {phase}; this phase of round {round.Number} goes on without it.");
        }

        if (secure.Check(federation, round, phase, site, payload, participants.In(RoundPhase.AdvertiseKeys)) is { } problem)
        {
            throw RequestValidationException.For("payload", problem);
        }

        db.FederationSubmissions.Add(FederationSubmission.Of(round.Id, device, phase, payload, sha, SiteFigures.None, now));
        await db.SaveChangesAsync(cancellationToken);
        return new SiteUpdateReceipt(round.Id, round.Number, sha, payload.Length, Repeat: false);
    }
}
