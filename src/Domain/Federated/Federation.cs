using Platform.Domain.Common;
using Platform.Domain.Governance;
using Platform.Domain.Workspaces;

namespace Platform.Domain.Federated;

/// <summary>
/// A federated training (docs/decisions/ADR-009): rounds in which consenting fleet sites train the global weights on
/// their own data and send only an update, aggregated into the next weights, as a run of an experiment. It waits until
/// enough consenting sites hold a compatible dataset, then runs its rounds one after the other; a round that misses
/// its quorum is tried again up to the plan's attempts. Its weights and the server optimiser's state are kept after
/// each aggregated round, so a restart continues from the last one and aggregates none twice.
/// </summary>
public sealed partial class Federation : AggregateRoot, IWorkspaceOwned
{
    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 1000;

    /// <summary>The label by which a device consents to federated training when the plan admits sites by label.</summary>
    public const string ConsentLabel = "federated-learning";
    public const string ConsentValue = "allowed";

    /// <summary>The device label a site's region is read from, for lineage's counts per region.</summary>
    public const string RegionLabel = "region";

    private Federation()
    {
        Name = Reason = CreatedBy = string.Empty;
        Plan = null!;
        Weights = ServerState = [];
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public Guid ExperimentId { get; private set; }
    public Guid RunId { get; private set; }
    public string Name { get; private set; }
    public FederationPlan Plan { get; private set; }
    public FederationState State { get; private set; }

    /// <summary>The model's features, classes and normalisation, fixed when the first round opens.</summary>
    public FederatedModelShape? Shape { get; private set; }

    /// <summary>The global weights after the last aggregated round (float32, little-endian), the initial ones before.</summary>
    public byte[] Weights { get; private set; }

    /// <summary>The server optimiser's moments (FedAdam, FedYogi) after the last aggregated round; empty for the others.</summary>
    public byte[] ServerState { get; private set; }

    public int CompletedRounds { get; private set; }

    /// <summary>The round under way, null while waiting or once ended.</summary>
    public Guid? CurrentRoundId { get; private set; }

    /// <summary>ε spent so far (for the plan's δ), null without differential privacy.</summary>
    public double? EpsilonSpent { get; private set; }

    /// <summary>Why it waits, failed, stopped or was cancelled; empty while all is well.</summary>
    public string Reason { get; private set; }
    public string CreatedBy { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public long ConcurrencyVersion { get; private set; }

    public bool IsActive => State is FederationState.Waiting or FederationState.Running;

    public static Federation Create(Guid experimentId, Guid runId, string name, FederationPlan plan, Actor createdBy, DateTimeOffset now)
    {
        if (FederationPlanRules.Problems(plan).FirstOrDefault() is ({ } field, { } reason))
        {
            throw new DomainException("federation.plan", $"{field} {reason}.");
        }

        var federation = new Federation
        {
            Id = Guid.CreateVersion7(), ExperimentId = experimentId, RunId = runId, Name = name.Trim(), Plan = plan, State = FederationState.Waiting,
            CreatedBy = createdBy.Name, CreatedByUserId = createdBy.UserId, CreatedAt = now, Reason = "Waiting for consenting sites",
            EpsilonSpent = plan.Privacy is null ? null : 0,
        };
        federation.Raise(new FederationChanged(federation, FederationChange.Created));
        return federation;
    }

    /// <summary>Not enough sites for a round yet: says so, without changing anything else.</summary>
    public void StillWaiting(string reason)
    {
        RequireActive();
        if (Reason != reason)
        {
            Reason = Truncate(reason);
            ConcurrencyVersion++;
        }
    }

    /// <summary>Fixes the model's shape and its initial weights: the first round can open.</summary>
    public void Begin(FederatedModelShape shape, byte[] initialWeights)
    {
        if (State != FederationState.Waiting)
        {
            throw new DomainException("federation.not-waiting", $"Federation '{Name}' is {State}; only a waiting one begins.");
        }

        if (initialWeights.Length != 4 * shape.ParameterCount(Plan.Model))
        {
            throw new DomainException("federation.weights", $"The initial weights hold {initialWeights.Length / 4} values, not the model's {shape.ParameterCount(Plan.Model)}.");
        }

        (Shape, Weights, State, Reason) = (shape, initialWeights, FederationState.Running, string.Empty);
        ConcurrencyVersion++;
        Raise(new FederationChanged(this, FederationChange.Started));
    }

    private void RequireActive()
    {
        if (!IsActive)
        {
            throw new DomainException("federation.ended", $"Federation '{Name}' ended as {State}.");
        }
    }

    private static string Truncate(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
}
