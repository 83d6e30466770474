using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Artifacts;
using Platform.Domain.Experiments;
using Platform.Domain.Identity;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass so that each keeps its own migrations
/// (see ADR-004).
/// </summary>
public abstract class PlatformDbContext(DbContextOptions options) : DbContext(options), IPlatformDbContext
{
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);

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
