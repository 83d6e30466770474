using System.Security.Cryptography;
using Platform.Application.Common.Auditing;
using Platform.Contracts.Federated;
using Platform.Domain.Federated;

namespace Platform.Application.Federated.Commands.SubmitSiteUpdate;

/// <summary>
/// A site's update for a round (its device token): taken only from a site the round sampled that still consents, in the
/// round's update phase and before its deadline, of the model's shape and finite; once per round, so a repeat of the
/// same bytes answers as the first and different bytes are refused (409). Not audited one by one (a round takes one
/// per site): the round's aggregation is.
/// </summary>
[RequiresRole(Role.Device)]
[NotAudited]
public sealed record SubmitSiteUpdateCommand(Guid FederationId, Guid RoundId, SiteUpdate Update) : ICommand<SiteUpdateReceipt>;

public sealed class SubmitSiteUpdateCommandValidator : AbstractValidator<SubmitSiteUpdateCommand>
{
    /// <summary>The most base64 characters an update may have (48 MB of bytes: a 12-million-weight float32 model).</summary>
    public const int MaxUpdateCharacters = 64 * 1024 * 1024;

    public SubmitSiteUpdateCommandValidator()
    {
        RuleFor(c => c.Update.Update).NotEmpty().MaximumLength(MaxUpdateCharacters).OverridePropertyName("update");
        RuleFor(c => c.Update.Samples).NotNull().InclusiveBetween(1, long.MaxValue / 2).OverridePropertyName("samples");
        RuleFor(c => c.Update.TrainingLoss).Must(NonNegative).WithMessage("must be a finite, non-negative loss").OverridePropertyName("trainingLoss");
        RuleFor(c => c.Update.ValidationSamples).GreaterThanOrEqualTo(0).OverridePropertyName("validationSamples");
        RuleFor(c => c.Update.ValidationLoss).Must(NonNegative).WithMessage("must be a finite, non-negative loss").OverridePropertyName("validationLoss");
        RuleFor(c => c.Update.ValidationAccuracy).Must(a => a is null || a is >= 0 and <= 1).WithMessage("must be 0 to 1").OverridePropertyName("validationAccuracy");
    }

    private static bool NonNegative(double? value) => value is null || (double.IsFinite(value.Value) && value >= 0);
}

public sealed class SubmitSiteUpdateCommandHandler(IPlatformDbContext db, ICurrentUser caller, IFederatedAggregator maths, ISecureAggregation secure, TimeProvider clock)
    : ICommandHandler<SubmitSiteUpdateCommand, SiteUpdateReceipt>
{
    public async ValueTask<SiteUpdateReceipt> Handle(SubmitSiteUpdateCommand command, CancellationToken cancellationToken)
    {
        var device = caller.Device?.DeviceId ?? throw new ForbiddenAccessException("Only a site sends an update.");
        var (round, federation) = await SiteSubmissions.LoadAsync(db, command.FederationId, command.RoundId, device, cancellationToken);
        var phase = federation.Plan.SecureAggregation ? RoundPhase.MaskedUpdate : RoundPhase.Update;
        var payload = SiteSubmissions.Base64(command.Update.Update!, "update");
        var sha = Convert.ToHexStringLower(SHA256.HashData(payload));
        if (await SiteSubmissions.RepeatAsync(db, round, device, phase, sha, payload.Length, cancellationToken) is { } repeat)
        {
            return repeat;
        }

        var now = clock.GetUtcNow();
        round.RequireAccepting(device, phase, now);
        if (await IsReplayAsync(federation.Id, device, sha, cancellationToken))
        {
            throw new ConflictException("federation.update-replayed", $"This update is one this site sent for an earlier round; round {round.Number} takes only an update trained from its own weights.");
        }

        if (await ProblemAsync(federation, round, device, phase, payload, cancellationToken) is { } problem)
        {
            throw RequestValidationException.For("update", problem);
        }

        // FedAvg weighs an update by its samples: a site cannot claim more rows than the dataset it registered holds.
        var rows = await db.SiteDatasets.AsNoTracking().Where(d => d.DeviceId == device && d.Name == federation.Plan.Dataset).Select(d => (long?)d.Rows).SingleOrDefaultAsync(cancellationToken);
        if (command.Update.Samples > (rows ?? 0))
        {
            throw RequestValidationException.For("samples", $"must be at most the {rows ?? 0} rows this site registered for dataset '{federation.Plan.Dataset}'");
        }

        var u = command.Update;
        db.FederationSubmissions.Add(FederationSubmission.Of(
            round.Id, device, phase, payload, sha, new SiteFigures(u.Samples!.Value, u.TrainingLoss, u.ValidationSamples ?? 0, u.ValidationLoss, u.ValidationAccuracy), now));
        await db.SaveChangesAsync(cancellationToken);
        return new SiteUpdateReceipt(round.Id, round.Number, sha, payload.Length, Repeat: false);
    }

    private async Task<string?> ProblemAsync(Federation federation, FederationRound round, Guid device, RoundPhase phase, byte[] payload, CancellationToken cancellationToken)
    {
        if (phase == RoundPhase.Update)
        {
            return maths.Check(payload, federation.Plan, federation.Shape!.ParameterCount(federation.Plan.Model));
        }

        var participants = await RoundParticipants.OfAsync(db, round, cancellationToken);
        var site = round.SiteNumber(device);
        if (!participants.In(RoundPhase.ShareKeys).Contains(site))
        {
            throw new ForbiddenAccessException($"Site {site} did not share its keys in round {round.Number}; the round's masks do not cover it, so its update cannot be taken.");
        }

        return secure.Check(federation, round, phase, site, payload, participants.In(RoundPhase.AdvertiseKeys));
    }

    private Task<bool> IsReplayAsync(Guid federation, Guid device, string sha, CancellationToken cancellationToken) =>
        db.FederationSubmissions.AnyAsync(
            s => s.DeviceId == device && s.Sha256 == sha && db.FederationRounds.Any(r => r.Id == s.RoundId && r.FederationId == federation), cancellationToken);
}
