using Platform.Domain.Artifacts;
using Platform.Domain.Experiments;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;

namespace Platform.Application.Common.Interfaces;

/// <summary>The database as handlers see it: DbSets and one unit of work (see ADR-001).</summary>
public interface IPlatformDbContext
{
    DbSet<Experiment> Experiments { get; }
    DbSet<Run> Runs { get; }
    DbSet<RunParam> RunParams { get; }
    DbSet<RunTag> RunTags { get; }
    DbSet<LatestMetric> LatestMetrics { get; }
    DbSet<ExperimentRunKey> RunKeys { get; }
    DbSet<StoredMetricPoint> MetricPoints { get; }
    DbSet<Artifact> Artifacts { get; }
    DbSet<User> Users { get; }
    DbSet<AccessToken> AccessTokens { get; }
    DbSet<Job> Jobs { get; }
    DbSet<JobLogLine> JobLogLines { get; }
    DbSet<Worker> Workers { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<Domain.Datasets.DatasetVersion> DatasetVersions { get; }
    DbSet<Domain.Registry.RegisteredModel> RegisteredModels { get; }
    DbSet<Domain.Registry.ModelVersion> ModelVersions { get; }
    DbSet<Domain.Registry.ModelEvaluation> ModelEvaluations { get; }
    DbSet<Domain.Registry.ModelAlias> ModelAliases { get; }
    DbSet<Domain.Auditing.AuditEvent> AuditEvents { get; }
    DbSet<Domain.Registry.StageTransition> StageTransitions { get; }
    DbSet<Domain.Registry.ModelVersionTag> ModelVersionTags { get; }
    DbSet<Domain.Governance.ApprovalPolicy> ApprovalPolicies { get; }
    DbSet<Domain.Governance.PromotionRequest> PromotionRequests { get; }
    DbSet<Domain.Governance.PromotionDecision> PromotionDecisions { get; }
    DbSet<Domain.Notifications.PlatformEvent> PlatformEvents { get; }
    DbSet<Domain.Notifications.WebhookSubscription> WebhookSubscriptions { get; }
    DbSet<Domain.Notifications.WebhookDelivery> WebhookDeliveries { get; }
    DbSet<Domain.Deployments.Deployment> Deployments { get; }
    DbSet<Domain.Deployments.DeploymentRevision> DeploymentRevisions { get; }
    DbSet<Domain.Deployments.InferenceKey> InferenceKeys { get; }
    DbSet<Domain.Deployments.MonitoringSnapshot> MonitoringSnapshots { get; }
    DbSet<Domain.Workspaces.Workspace> Workspaces { get; }
    DbSet<Domain.Workspaces.WorkspaceMember> WorkspaceMembers { get; }
    DbSet<Domain.Fleet.Device> Devices { get; }
    DbSet<Domain.Fleet.EnrolmentToken> EnrolmentTokens { get; }
    DbSet<Domain.Fleet.Rollout> Rollouts { get; }
    DbSet<Domain.Fleet.RolloutTarget> RolloutTargets { get; }
    DbSet<Domain.Fleet.DeviceAssignment> DeviceAssignments { get; }
    DbSet<Domain.Fleet.DeviceModelStatus> DeviceModelStatuses { get; }
    DbSet<Domain.Federated.Federation> Federations { get; }
    DbSet<Domain.Federated.FederationRound> FederationRounds { get; }
    DbSet<Domain.Federated.FederationSite> FederationSites { get; }
    DbSet<Domain.Federated.FederationSubmission> FederationSubmissions { get; }
    DbSet<Domain.Federated.SiteDataset> SiteDatasets { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
