using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Domain.Artifacts;
using Platform.Domain.Experiments;
using Platform.Domain.Identity;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;
using Platform.Domain.Workspaces;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass so that each keeps its own migrations
/// (see ADR-004). Every <see cref="IWorkspaceOwned"/> resource is filtered to the workspace the unit of work is inside
/// (<see cref="IWorkspaceScope"/>): one rule for every query, LINQ or raw, of every handler and background service.
/// A context made without a scope (design time, tools) spans all workspaces.
/// </summary>
public abstract class PlatformDbContext(DbContextOptions options, IWorkspaceScope? workspace = null, WorkspaceIsolationSwitch? isolation = null)
    : DbContext(options), IPlatformDbContext
{
    /// <summary>False only in a benchmark's composition without isolation: its model has no workspace filters.</summary>
    internal bool FiltersWorkspaces => isolation?.Off != true;

    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<RunParam> RunParams => Set<RunParam>();
    public DbSet<RunTag> RunTags => Set<RunTag>();
    public DbSet<LatestMetric> LatestMetrics => Set<LatestMetric>();
    public DbSet<ExperimentRunKey> RunKeys => Set<ExperimentRunKey>();
    public DbSet<StoredMetricPoint> MetricPoints => Set<StoredMetricPoint>();
    public DbSet<Artifact> Artifacts => Set<Artifact>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Domain.Workspaces.Workspace> Workspaces => Set<Domain.Workspaces.Workspace>();
    public DbSet<Domain.Workspaces.WorkspaceMember> WorkspaceMembers => Set<Domain.Workspaces.WorkspaceMember>();
    public DbSet<Domain.Fleet.Device> Devices => Set<Domain.Fleet.Device>();
    public DbSet<Domain.Fleet.EnrolmentToken> EnrolmentTokens => Set<Domain.Fleet.EnrolmentToken>();
    public DbSet<Domain.Fleet.Rollout> Rollouts => Set<Domain.Fleet.Rollout>();
    public DbSet<Domain.Fleet.RolloutTarget> RolloutTargets => Set<Domain.Fleet.RolloutTarget>();
    public DbSet<Domain.Fleet.DeviceAssignment> DeviceAssignments => Set<Domain.Fleet.DeviceAssignment>();
    public DbSet<Domain.Fleet.DeviceModelStatus> DeviceModelStatuses => Set<Domain.Fleet.DeviceModelStatus>();
    public DbSet<Domain.Federated.Federation> Federations => Set<Domain.Federated.Federation>();
    public DbSet<Domain.Federated.FederationRound> FederationRounds => Set<Domain.Federated.FederationRound>();
    public DbSet<Domain.Federated.FederationSite> FederationSites => Set<Domain.Federated.FederationSite>();
    public DbSet<Domain.Federated.FederationSubmission> FederationSubmissions => Set<Domain.Federated.FederationSubmission>();
    public DbSet<Domain.Federated.SiteDataset> SiteDatasets => Set<Domain.Federated.SiteDataset>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobLogLine> JobLogLines => Set<JobLogLine>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Domain.Datasets.DatasetVersion> DatasetVersions => Set<Domain.Datasets.DatasetVersion>();
    public DbSet<Domain.Registry.RegisteredModel> RegisteredModels => Set<Domain.Registry.RegisteredModel>();
    public DbSet<Domain.Registry.ModelVersion> ModelVersions => Set<Domain.Registry.ModelVersion>();
    public DbSet<Domain.Registry.ModelEvaluation> ModelEvaluations => Set<Domain.Registry.ModelEvaluation>();
    public DbSet<Domain.Registry.ModelAlias> ModelAliases => Set<Domain.Registry.ModelAlias>();
    public DbSet<Domain.Auditing.AuditEvent> AuditEvents => Set<Domain.Auditing.AuditEvent>();
    public DbSet<Domain.Registry.StageTransition> StageTransitions => Set<Domain.Registry.StageTransition>();
    public DbSet<Domain.Registry.ModelVersionTag> ModelVersionTags => Set<Domain.Registry.ModelVersionTag>();
    public DbSet<Domain.Governance.ApprovalPolicy> ApprovalPolicies => Set<Domain.Governance.ApprovalPolicy>();
    public DbSet<Domain.Governance.PromotionRequest> PromotionRequests => Set<Domain.Governance.PromotionRequest>();
    public DbSet<Domain.Governance.PromotionDecision> PromotionDecisions => Set<Domain.Governance.PromotionDecision>();
    public DbSet<Domain.Notifications.PlatformEvent> PlatformEvents => Set<Domain.Notifications.PlatformEvent>();
    public DbSet<Domain.Notifications.WebhookSubscription> WebhookSubscriptions => Set<Domain.Notifications.WebhookSubscription>();
    public DbSet<Domain.Notifications.WebhookDelivery> WebhookDeliveries => Set<Domain.Notifications.WebhookDelivery>();
    public DbSet<Domain.Deployments.Deployment> Deployments => Set<Domain.Deployments.Deployment>();
    public DbSet<Domain.Deployments.DeploymentRevision> DeploymentRevisions => Set<Domain.Deployments.DeploymentRevision>();
    public DbSet<Domain.Deployments.InferenceKey> InferenceKeys => Set<Domain.Deployments.InferenceKey>();
    public DbSet<Domain.Deployments.MonitoringSnapshot> MonitoringSnapshots => Set<Domain.Deployments.MonitoringSnapshot>();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Read by the query filters at each query: true outside a request (the platform's own background work).</summary>
    internal bool SpansAllWorkspaces => workspace?.SpansAll ?? true;

    /// <summary>The workspace entered; none (every workspace's resources hidden) until the pipeline enters one.</summary>
    internal Guid CurrentWorkspaceId => workspace?.WorkspaceId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        foreach (var type in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(IWorkspaceOwned).IsAssignableFrom).ToList())
        {
            FilterToWorkspaceMethod.MakeGenericMethod(type).Invoke(this, [modelBuilder]);
        }

        if (FiltersWorkspaces)
        {
            FilterToOwners(modelBuilder);
        }
    }

    /// <summary>
    /// What a resource holds and is read by its own id follows its owner into the workspace: it is visible only while
    /// its owner is. The tracking tables (params, tags, metrics, run keys) are read through their run, which every one
    /// of their queries checks first (the isolation test holds them to it), and stay free of the extra lookup.
    /// </summary>
    private void FilterToOwners(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Artifact>().HasQueryFilter(a => Runs.Any(r => r.Id == a.RunId));
        modelBuilder.Entity<JobLogLine>().HasQueryFilter(l => Jobs.Any(j => j.Id == l.JobId));
        modelBuilder.Entity<Domain.Registry.ModelAlias>().HasQueryFilter(a => RegisteredModels.Any(m => m.Id == a.ModelId));
        modelBuilder.Entity<Domain.Registry.ModelVersionTag>().HasQueryFilter(t => ModelVersions.Any(v => v.Id == t.ModelVersionId));
        modelBuilder.Entity<Domain.Registry.StageTransition>().HasQueryFilter(t => ModelVersions.Any(v => v.Id == t.ModelVersionId));
        modelBuilder.Entity<Domain.Registry.ModelEvaluation>().HasQueryFilter(e => ModelVersions.Any(v => v.Id == e.ModelVersionId));
        modelBuilder.Entity<Domain.Governance.PromotionDecision>().HasQueryFilter(d => PromotionRequests.Any(r => r.Id == d.RequestId));
        modelBuilder.Entity<Domain.Notifications.WebhookDelivery>().HasQueryFilter(d => WebhookSubscriptions.Any(w => w.Id == d.SubscriptionId));
        modelBuilder.Entity<Domain.Deployments.DeploymentRevision>().HasQueryFilter(r => Deployments.Any(d => d.Id == r.DeploymentId));
        modelBuilder.Entity<Domain.Deployments.InferenceKey>().HasQueryFilter(k => Deployments.Any(d => d.Id == k.DeploymentId));
        modelBuilder.Entity<Domain.Deployments.MonitoringSnapshot>().HasQueryFilter(m => Deployments.Any(d => d.Id == m.DeploymentId));
        modelBuilder.Entity<Domain.Fleet.RolloutTarget>().HasQueryFilter(t => Rollouts.Any(r => r.Id == t.RolloutId));
        modelBuilder.Entity<Domain.Fleet.DeviceAssignment>().HasQueryFilter(a => Devices.Any(d => d.Id == a.DeviceId));
        modelBuilder.Entity<Domain.Fleet.DeviceModelStatus>().HasQueryFilter(s => Devices.Any(d => d.Id == s.DeviceId));
        modelBuilder.Entity<Domain.Federated.FederationRound>().HasQueryFilter(r => Federations.Any(f => f.Id == r.FederationId));
        modelBuilder.Entity<Domain.Federated.FederationSite>().HasQueryFilter(s => Federations.Any(f => f.Id == s.FederationId));
        modelBuilder.Entity<Domain.Federated.FederationSubmission>().HasQueryFilter(s => FederationRounds.Any(r => r.Id == s.RoundId));
        modelBuilder.Entity<Domain.Federated.SiteDataset>().HasQueryFilter(s => Devices.Any(d => d.Id == s.DeviceId));
    }

    private static readonly System.Reflection.MethodInfo FilterToWorkspaceMethod =
        typeof(PlatformDbContext).GetMethod(nameof(FilterToWorkspace), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private void FilterToWorkspace<T>(ModelBuilder modelBuilder)
        where T : class, IWorkspaceOwned
    {
        if (FiltersWorkspaces)
        {
            modelBuilder.Entity<T>().HasQueryFilter(e => SpansAllWorkspaces || e.WorkspaceId == CurrentWorkspaceId);
        }

        // An index that leads with the workspace serves the filter; no foreign key, which SQLite could add only by
        // rebuilding each table (and its triggers). Workspaces are never deleted.
        var entity = modelBuilder.Entity<T>();
        if (!entity.Metadata.GetIndexes().Any(i => i.Properties[0].Name == nameof(IWorkspaceOwned.WorkspaceId)))
        {
            entity.HasIndex(e => e.WorkspaceId);
        }
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConflictException("concurrent-update", "Someone else changed this at the same time; reload and try again. " + e.Entries.Count + " record(s) affected.");
        }
        catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
        {
            throw new ConflictException("duplicate", "A record with the same unique value already exists.");
        }
    }
}
