using Platform.Domain.Workspaces;
using Platform.Domain.Common;
using Platform.Domain.Jobs;

namespace Platform.Domain.Deployments;

/// <summary>
/// A serving endpoint by name: one registered model, an environment, a hardware class, canary and drift policies, and
/// numbered revisions of its desired state (<see cref="DeploymentRevision"/>). At most one revision is Active (it has
/// the traffic) and at most one is Validating (its deploy job runs). Versions validated on the current hardware class
/// are remembered, so a change of weights only needs no new validation.
/// </summary>
public sealed partial class Deployment : AggregateRoot, IWorkspaceOwned
{
    public const int MaxNameLength = 63;

    private Deployment()
    {
        Name = string.Empty;
        CanaryPolicyJson = "{}";
        DriftPolicyJson = "{}";
        ValidatedVersionsJson = "[]";
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }

    /// <summary>The endpoint's name: lower-case letters, digits and '-', starting with a letter (URL-safe, as in <c>/v2/models/{name}</c>).</summary>
    public string Name { get; private set; }

    public Guid ModelId { get; private set; }
    public DeploymentEnvironment Environment { get; private set; }
    public HardwareClass HardwareClass { get; private set; }
    public string CanaryPolicyJson { get; private set; }
    public string DriftPolicyJson { get; private set; }

    /// <summary>Versions whose deploy job passed on <see cref="HardwareClass"/> (JSON array of numbers).</summary>
    public string ValidatedVersionsJson { get; private set; }

    public int LatestRevision { get; private set; }
    public int? ActiveRevision { get; private set; }
    public int? PendingRevision { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency, and the desired state's change counter: it grows with every change (keys included).</summary>
    public int ConcurrencyVersion { get; private set; }

    public CanarySettings CanaryPolicy => DeploymentJson.Read<CanarySettings>(CanaryPolicyJson);

    public DriftSettings DriftPolicy => DeploymentJson.Read<DriftSettings>(DriftPolicyJson);

    public IReadOnlySet<int> ValidatedVersions => DeploymentJson.Read<HashSet<int>>(ValidatedVersionsJson);

    public static bool IsValidName(string? name) => name is { Length: > 0 and <= MaxNameLength } && NamePattern().IsMatch(name);

    public static Deployment Create(
        string name, Guid modelId, DeploymentEnvironment environment, HardwareClass hardware, CanarySettings? canary, DriftSettings? drift,
        string actor, DateTimeOffset now)
    {
        if (!IsValidName(name))
        {
            throw new DomainException("deployment.name", $"'{name}' is not a deployment name: lower-case letters, digits and '-', starting with a letter, at most {MaxNameLength}.");
        }

        return new Deployment
        {
            Id = Ids.New(),
            Name = name,
            ModelId = modelId,
            Environment = environment,
            HardwareClass = hardware,
            CanaryPolicyJson = DeploymentJson.Write((canary ?? CanarySettings.Default).Checked()),
            DriftPolicyJson = DeploymentJson.Write((drift ?? DriftSettings.Default).Checked()),
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedAt = now,
            ConcurrencyVersion = 1,
        };
    }

    /// <summary>Sets environment, hardware and policies (null policies stay). A new hardware class forgets what was validated.</summary>
    public void Configure(DeploymentEnvironment environment, HardwareClass hardware, CanarySettings? canary, DriftSettings? drift, DateTimeOffset now)
    {
        if (hardware != HardwareClass)
        {
            ValidatedVersionsJson = "[]";
        }

        Environment = environment;
        HardwareClass = hardware;
        CanaryPolicyJson = canary is null ? CanaryPolicyJson : DeploymentJson.Write(canary.Checked());
        DriftPolicyJson = drift is null ? DriftPolicyJson : DeploymentJson.Write(drift.Checked());
        Touch(now);
    }

    /// <summary>The versions of <paramref name="traffic"/> not yet validated on this deployment's hardware class.</summary>
    public IReadOnlyList<int> NeedingValidation(TrafficSplit traffic) => [.. traffic.Numbers.Where(v => !ValidatedVersions.Contains(v))];

    /// <summary>
    /// A new revision of the desired state. Validating (its deploy job is attached with <see cref="AwaitValidation"/>) when
    /// a version needs validation; else Active at once, superseding <paramref name="active"/>.
    /// </summary>
    public DeploymentRevision Propose(TrafficSplit traffic, DeploymentRevision? active, string reason, string actor, DateTimeOffset now)
    {
        if (PendingRevision is { } pending)
        {
            throw new DomainException("deployment.validating", $"Revision {pending} of '{Name}' is still being validated; wait for its deploy job or cancel it.");
        }

        RequireActive(active);
        var revision = DeploymentRevision.Create(this, LatestRevision + 1, RevisionKind.Change, traffic, reason, actor, now);
        LatestRevision = revision.Number;
        if (NeedingValidation(traffic).Count == 0)
        {
            Activate(revision, active, null, now);
            Raise(new DeploymentRevisionActivated(this, revision));
        }
        else
        {
            PendingRevision = revision.Number;
        }

        Touch(now);
        return revision;
    }

    /// <summary>Attaches the deploy job that validates <paramref name="pending"/>.</summary>
    public void AwaitValidation(DeploymentRevision pending, Guid jobId)
    {
        RequirePending(pending);
        pending.AttachJob(jobId);
    }

    /// <summary>The deploy job passed: the revision becomes Active (the active one Superseded) and its versions count as validated.</summary>
    public void ValidationSucceeded(DeploymentRevision pending, DeploymentRevision? active, string? resultJson, DateTimeOffset now)
    {
        RequirePending(pending);
        RequireActive(active);
        ValidatedVersionsJson = DeploymentJson.Write(ValidatedVersions.Union(pending.Traffic.Numbers).Order().ToList());
        PendingRevision = null;
        Activate(pending, active, resultJson, now);
        Touch(now);
        Raise(new DeploymentRevisionActivated(this, pending));
    }

    /// <summary>The deploy job failed (or was cancelled): the revision is Failed and traffic stays on the active revision.</summary>
    public void ValidationFailed(DeploymentRevision pending, string reason, string? resultJson, DateTimeOffset now)
    {
        RequirePending(pending);
        PendingRevision = null;
        pending.Fail(reason, resultJson, now);
        Touch(now);
        Raise(new DeploymentRevisionFailed(this, pending));
    }
}
