using Platform.Domain.Common;

namespace Platform.Domain.Federated;

/// <summary>
/// One attempt of one round of a federation: the sites sampled for it (a site's number is its place in
/// <see cref="Sites"/>), the phase it asks of them and until when, and, once closed, what it aggregated. It takes a
/// site's message only from a site it sampled, in its phase, before the deadline; each site sends each phase once.
/// </summary>
public sealed class FederationRound
{
    public const int MaxReasonLength = 1000;

    private FederationRound()
    {
        Sites = [];
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid FederationId { get; private set; }

    /// <summary>The round's number, 1-based; a failed attempt's retry has the same number and the next attempt.</summary>
    public int Number { get; private set; }
    public int Attempt { get; private set; }
    public RoundState State { get; private set; }
    public RoundPhase Phase { get; private set; }
    public IReadOnlyList<Guid> Sites { get; private set; }

    /// <summary>The share of the eligible sites the round sampled: what the privacy accountant's amplification by sampling uses.</summary>
    public double SamplingRate { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset PhaseDeadline { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>How many updates were aggregated, from how many samples, and what they cost on the wire.</summary>
    public int Updates { get; private set; }
    public long Samples { get; private set; }
    public long BytesReceived { get; private set; }

    /// <summary>The sample-weighted mean of the sites' training losses, and of their local validation (weighted by validation rows).</summary>
    public double? TrainingLoss { get; private set; }
    public double? ValidationLoss { get; private set; }
    public double? ValidationAccuracy { get; private set; }

    /// <summary>ε spent once this round is counted, for the plan's δ.</summary>
    public double? Epsilon { get; private set; }
    public string Reason { get; private set; }

    internal static FederationRound Open(Federation federation, int number, int attempt, IReadOnlyList<Guid> sites, int eligible, DateTimeOffset now)
    {
        if (sites.Count == 0 || sites.Distinct().Count() != sites.Count || eligible < sites.Count)
        {
            throw new DomainException("federation.sites", "A round needs distinct sites, sampled among the eligible ones.");
        }

        var phase = federation.Plan.SecureAggregation ? RoundPhase.AdvertiseKeys : RoundPhase.Update;
        return new FederationRound
        {
            Id = Guid.CreateVersion7(), FederationId = federation.Id, Number = number, Attempt = attempt, State = RoundState.Open, Phase = phase,
            Sites = [.. sites], SamplingRate = (double)sites.Count / eligible, OpenedAt = now, PhaseDeadline = now.AddSeconds(federation.Plan.RoundDeadlineSeconds),
        };
    }

    /// <summary>The site's number in this round (its place among the sampled sites), or -1 when it was not sampled.</summary>
    public int SiteNumber(Guid deviceId)
    {
        for (var i = 0; i < Sites.Count; i++)
        {
            if (Sites[i] == deviceId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Refuses a site's message for <paramref name="phase"/> unless this round sampled the site, is in that phase and its deadline has not passed.</summary>
    public void RequireAccepting(Guid deviceId, RoundPhase phase, DateTimeOffset now)
    {
        if (SiteNumber(deviceId) < 0)
        {
            throw new DomainException("federation.not-selected", $"This site was not sampled for round {Number} (attempt {Attempt}); it sends nothing for it.");
        }

        if (State != RoundState.Open)
        {
            throw new DomainException("federation.round-closed", $"Round {Number} (attempt {Attempt}) is closed ({State}); nothing more is taken for it.");
        }

        if (Phase != phase)
        {
            throw new DomainException("federation.wrong-phase", $"Round {Number} is in its {Phase} phase, not {phase}.");
        }

        if (now > PhaseDeadline)
        {
            throw new DomainException("federation.deadline-passed", $"Round {Number}'s {Phase} phase closed at {PhaseDeadline:O}; a late message is not taken.");
        }
    }

    /// <summary>Secure aggregation's next phase, open until its own deadline.</summary>
    public void NextPhase(RoundPhase phase, TimeSpan deadline, DateTimeOffset now)
    {
        if (State != RoundState.Open || phase <= Phase)
        {
            throw new DomainException("federation.wrong-phase", $"Round {Number} is {State} in its {Phase} phase; it cannot move to {phase}.");
        }

        (Phase, PhaseDeadline) = (phase, now + deadline);
    }

    /// <summary>Closes the round with what it aggregated.</summary>
    public void Close(RoundOutcome outcome, double? epsilon, DateTimeOffset now)
    {
        RequireOpen();
        (State, ClosedAt, Epsilon) = (RoundState.Aggregated, now, epsilon);
        (Updates, Samples, BytesReceived) = (outcome.Updates, outcome.Samples, outcome.BytesReceived);
        (TrainingLoss, ValidationLoss, ValidationAccuracy) = (outcome.TrainingLoss, outcome.ValidationLoss, outcome.ValidationAccuracy);
    }

    /// <summary>The round could not aggregate (too few updates by the deadline, say): it fails with the reason.</summary>
    public void Fail(string reason, int updates, long bytesReceived, DateTimeOffset now)
    {
        RequireOpen();
        (State, ClosedAt, Updates, BytesReceived) = (RoundState.Failed, now, updates, bytesReceived);
        Reason = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
    }

    private void RequireOpen()
    {
        if (State != RoundState.Open)
        {
            throw new DomainException("federation.round-closed", $"Round {Number} (attempt {Attempt}) is already {State}.");
        }
    }
}

/// <summary>What a round aggregated: its updates, their samples and bytes, and the sites' weighted losses and accuracy.</summary>
public sealed record RoundOutcome(int Updates, long Samples, long BytesReceived, double? TrainingLoss, double? ValidationLoss, double? ValidationAccuracy);
