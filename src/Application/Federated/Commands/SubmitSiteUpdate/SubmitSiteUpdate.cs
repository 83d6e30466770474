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

/// <summary>The update as taken: the round, its SHA-256 and size, and whether it repeated one already taken.</summary>
public sealed record SiteUpdateReceipt(Guid RoundId, int Round, string Sha256, long Bytes, bool Repeat);

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

public sealed class SubmitSiteUpdateCommandHandler(IPlatformDbContext db, ICurrentUser caller, IFederatedAggregator maths, TimeProvider clock)
    : ICommandHandler<SubmitSiteUpdateCommand, SiteUpdateReceipt>
{
    public async ValueTask<SiteUpdateReceipt> Handle(SubmitSiteUpdateCommand command, CancellationToken cancellationToken)
    {
        var device = caller.Device?.DeviceId ?? throw new ForbiddenAccessException("Only a site sends an update.");
        var round = await db.FederationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RoundId && r.FederationId == command.FederationId, cancellationToken)
            ?? throw new NotFoundException("Federation round", command.RoundId);
        var federation = await db.Federations.AsNoTracking().SingleAsync(f => f.Id == round.FederationId, cancellationToken);
        var phase = federation.Plan.SecureAggregation ? RoundPhase.MaskedUpdate : RoundPhase.Update;
        await SiteConsent.RequireAsync(db, round, device, cancellationToken);
        var payload = Decode(command.Update.Update!);
        var sha = Convert.ToHexStringLower(SHA256.HashData(payload));
        var (roundId, now) = (round.Id, clock.GetUtcNow());
        var taken = await db.FederationSubmissions.AsNoTracking().Where(s => s.RoundId == roundId && s.DeviceId == device && s.Phase == phase).Select(s => s.Sha256).SingleOrDefaultAsync(cancellationToken);
        if (round.State != RoundState.Open)
        {
            throw new ConflictException("federation.round-closed", $"Round {round.Number} (attempt {round.Attempt}) is closed ({round.State}); "
                + (taken == sha ? "this update was taken for it." : "nothing more is taken for it."));
        }

        if (taken is not null)
        {
            return taken == sha
                ? new SiteUpdateReceipt(round.Id, round.Number, sha, payload.Length, Repeat: true)
                : throw new ConflictException("federation.update-changed", $"This site already sent a different update for round {round.Number}; a round takes one update per site.");
        }

        round.RequireAccepting(device, phase, now);
        if (await IsReplayAsync(federation.Id, device, sha, cancellationToken))
        {
            throw new ConflictException("federation.update-replayed", $"This update is one this site sent for an earlier round; round {round.Number} takes only an update trained from its own weights.");
        }

        if (maths.Check(payload, federation.Plan, federation.Shape!.ParameterCount(federation.Plan.Model)) is { } problem)
        {
            throw RequestValidationException.For("update", problem);
        }

        var u = command.Update;
        db.FederationSubmissions.Add(FederationSubmission.Of(
            round.Id, device, phase, payload, sha, new SiteFigures(u.Samples!.Value, u.TrainingLoss, u.ValidationSamples ?? 0, u.ValidationLoss, u.ValidationAccuracy), now));
        await db.SaveChangesAsync(cancellationToken);
        return new SiteUpdateReceipt(round.Id, round.Number, sha, payload.Length, Repeat: false);
    }

    private Task<bool> IsReplayAsync(Guid federation, Guid device, string sha, CancellationToken cancellationToken) =>
        db.FederationSubmissions.AnyAsync(
            s => s.DeviceId == device && s.Sha256 == sha && db.FederationRounds.Any(r => r.Id == s.RoundId && r.FederationId == federation), cancellationToken);

    private static byte[] Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw RequestValidationException.For("update", "must be the encoded update in base64");
        }
    }
}
