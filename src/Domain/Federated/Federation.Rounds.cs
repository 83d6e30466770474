using Platform.Domain.Common;

namespace Platform.Domain.Federated;

/// <summary>A federation's rounds: opening one over the sites sampled for it, and what follows its aggregation or failure.</summary>
public sealed partial class Federation
{
    /// <summary>Opens attempt <paramref name="attempt"/> of the next round over <paramref name="sites"/> (in the order their site numbers follow), sampled among <paramref name="eligible"/>.</summary>
    public FederationRound OpenRound(IReadOnlyList<Guid> sites, int eligible, int attempt, DateTimeOffset now)
    {
        if (State != FederationState.Running || CurrentRoundId is not null)
        {
            throw new DomainException("federation.round-open", $"Federation '{Name}' is {State}{(CurrentRoundId is null ? "" : " with a round open")}; no round opens now.");
        }

        var round = FederationRound.Open(this, CompletedRounds + 1, attempt, sites, eligible, now);
        CurrentRoundId = round.Id;
        ConcurrencyVersion++;
        return round;
    }

    /// <summary>The round's updates became <paramref name="weights"/>: kept with the optimiser's state and the ε spent, and the round closes.</summary>
    public void Aggregated(FederationRound round, byte[] weights, byte[] serverState, double? epsilonSpent)
    {
        RequireCurrent(round);
        if (weights.Length != Weights.Length)
        {
            throw new DomainException("federation.weights", $"The aggregated weights hold {weights.Length / 4} values, not the model's {Weights.Length / 4}.");
        }

        (Weights, ServerState, EpsilonSpent, CurrentRoundId) = (weights, serverState, epsilonSpent ?? EpsilonSpent, null);
        CompletedRounds++;
        ConcurrencyVersion++;
        Raise(new FederationChanged(this, FederationChange.RoundAggregated, round.Number));
    }

    /// <summary>The round missed its quorum: it is tried again (a new attempt, new sites sampled) unless it had its last attempt, which fails the federation.</summary>
    /// <returns>Whether the round is tried again.</returns>
    public bool RoundFailed(FederationRound round, DateTimeOffset now)
    {
        RequireCurrent(round);
        CurrentRoundId = null;
        ConcurrencyVersion++;
        if (round.Attempt < Plan.MaxRoundAttempts)
        {
            return true;
        }

        End(FederationState.Failed, $"Round {round.Number} failed {round.Attempt} time(s): {round.Reason}", now);
        return false;
    }

    /// <summary>Every round aggregated.</summary>
    public void Complete(DateTimeOffset now)
    {
        if (State != FederationState.Running || CompletedRounds < Plan.Rounds)
        {
            throw new DomainException("federation.not-done", $"Federation '{Name}' has {CompletedRounds} of {Plan.Rounds} rounds; it completes after the last.");
        }

        End(FederationState.Completed, string.Empty, now);
    }

    /// <summary>The next round would pass the privacy budget: the federation stops with the model of the rounds so far.</summary>
    public void StopForBudget(double epsilonNext, DateTimeOffset now) => End(
        FederationState.Stopped, $"Round {CompletedRounds + 1} would spend ε = {epsilonNext:0.###}, over the budget of {Plan.Privacy!.EpsilonBudget:0.###} (δ = {Plan.Privacy.Delta:g3}); stopped after {CompletedRounds} round(s).", now);

    /// <summary>Something the rounds cannot get past (e.g. no compatible model could be built): the federation fails with it.</summary>
    public void Fail(string reason, DateTimeOffset now) => End(FederationState.Failed, reason, now);

    public void Cancel(string by, DateTimeOffset now) => End(FederationState.Cancelled, $"Cancelled by {by}", now);

    private void End(FederationState state, string reason, DateTimeOffset now)
    {
        RequireActive();
        (State, Reason, EndedAt, CurrentRoundId) = (state, Truncate(reason), now, null);
        ConcurrencyVersion++;
        Raise(new FederationChanged(this, state switch
        {
            FederationState.Completed => FederationChange.Completed,
            FederationState.Stopped => FederationChange.Stopped,
            FederationState.Cancelled => FederationChange.Cancelled,
            _ => FederationChange.Failed,
        }));
    }

    private void RequireCurrent(FederationRound round)
    {
        if (round.FederationId != Id || CurrentRoundId != round.Id)
        {
            throw new DomainException("federation.round-closed", $"Round {round.Number} is not the round under way of federation '{Name}'.");
        }
    }
}
