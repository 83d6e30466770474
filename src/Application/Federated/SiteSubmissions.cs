using Platform.Domain.Federated;

namespace Platform.Application.Federated;

/// <summary>What every site message to a round shares: loading the round and its federation for a sampled, consenting site; base64; and the repeat rule.</summary>
internal static class SiteSubmissions
{
    public static async Task<(FederationRound Round, Federation Federation)> LoadAsync(IPlatformDbContext db, Guid federationId, Guid roundId, Guid device, CancellationToken cancellationToken)
    {
        var round = await db.FederationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId && r.FederationId == federationId, cancellationToken)
            ?? throw new NotFoundException("Federation round", roundId);
        var federation = await db.Federations.AsNoTracking().SingleAsync(f => f.Id == round.FederationId, cancellationToken);
        await SiteConsent.RequireAsync(db, round, device, cancellationToken);
        return (round, federation);
    }

    /// <summary>
    /// A closed round refuses (409, saying whether this message was taken); a message already taken for the phase answers
    /// as the first when it is the same bytes and is refused (409) when not; null when this is the phase's first from the site.
    /// </summary>
    public static async Task<SiteUpdateReceipt?> RepeatAsync(IPlatformDbContext db, FederationRound round, Guid device, RoundPhase phase, string sha, long bytes, CancellationToken cancellationToken)
    {
        var id = round.Id;
        var taken = await db.FederationSubmissions.AsNoTracking().Where(s => s.RoundId == id && s.DeviceId == device && s.Phase == phase).Select(s => s.Sha256).SingleOrDefaultAsync(cancellationToken);
        if (round.State != RoundState.Open)
        {
            throw new ConflictException("federation.round-closed", $"Round {round.Number} (attempt {round.Attempt}) is closed ({round.State}); "
                + (taken == sha ? "this message was taken for it." : "nothing more is taken for it."));
        }

        return taken is null ? null
            : taken == sha ? new SiteUpdateReceipt(round.Id, round.Number, sha, bytes, Repeat: true)
            : throw new ConflictException("federation.update-changed", $"This site already sent a different {phase} message for round {round.Number}; a round takes one per site and phase.");
    }

    public static byte[] Base64(string text, string field)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw RequestValidationException.For(field, "must be base64");
        }
    }
}
