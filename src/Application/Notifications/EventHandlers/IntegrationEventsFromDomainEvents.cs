using System.Text.Json;
using Platform.Application.Common.Events;
using Platform.Application.Deployments;
using Platform.Contracts.Api;
using Platform.Domain.Deployments;
using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Notifications.EventHandlers;

/// <summary>
/// The one place where the registry's, governance's and deployments' domain events become integration events (the
/// typed payloads that SignalR and webhooks carry): each is published in the same save as the change it tells about.
/// Names are read from the unit of work (<c>FindAsync</c>: an entity added in this save is found too).
/// </summary>
internal sealed class IntegrationEventsFromDomainEvents(IPlatformDbContext db, TimeProvider clock) :
    IDomainEventHandler<ModelVersionRegistered>,
    IDomainEventHandler<ModelVersionStageChanged>,
    IDomainEventHandler<PromotionRequested>,
    IDomainEventHandler<PromotionClosed>,
    IDomainEventHandler<DeploymentRevisionActivated>,
    IDomainEventHandler<DeploymentRevisionFailed>,
    IDomainEventHandler<DeploymentRolledBack>,
    IDomainEventHandler<DeploymentCanaryRolledBack>
{
    public async Task HandleAsync(ModelVersionRegistered domainEvent, CancellationToken cancellationToken)
    {
        var version = domainEvent.Version;
        Publish(version, new ModelVersionCreatedEvent(await ModelAsync(version.ModelId, cancellationToken), version.Number, version.CreatedBy, version.ArtifactSha256));
    }

    public async Task HandleAsync(ModelVersionStageChanged domainEvent, CancellationToken cancellationToken)
    {
        var (version, t) = (domainEvent.Version, domainEvent.Transition);
        Publish(version, new StageChangedEvent(await ModelAsync(version.ModelId, cancellationToken), version.Number, t.From, t.To, t.Actor, t.Reason, t.PromotionRequestId));
    }

    public Task HandleAsync(PromotionRequested domainEvent, CancellationToken cancellationToken) =>
        PublishPromotionAsync(domainEvent.Request, domainEvent.Request.RequestedBy, null, cancellationToken);

    public Task HandleAsync(PromotionClosed domainEvent, CancellationToken cancellationToken) =>
        PublishPromotionAsync(domainEvent.Request, domainEvent.Request.ClosedBy ?? "", domainEvent.Comment, cancellationToken);

    public Task HandleAsync(DeploymentRevisionActivated domainEvent, CancellationToken cancellationToken) =>
        PublishChangedAsync(domainEvent.Deployment, domainEvent.Revision, rolledBack: false, cancellationToken);

    public Task HandleAsync(DeploymentRolledBack domainEvent, CancellationToken cancellationToken) =>
        PublishChangedAsync(domainEvent.Deployment, domainEvent.Revision, rolledBack: true, cancellationToken);

    public async Task HandleAsync(DeploymentRevisionFailed domainEvent, CancellationToken cancellationToken)
    {
        var (deployment, revision) = (domainEvent.Deployment, domainEvent.Revision);
        Publish(deployment, new DeploymentValidationFailedEvent(
            deployment.Name, await ModelAsync(deployment.ModelId, cancellationToken), revision.Number, revision.Traffic.Versions, revision.FailureReason,
            deployment.ActiveRevision));
    }

    public async Task HandleAsync(DeploymentCanaryRolledBack domainEvent, CancellationToken cancellationToken)
    {
        var (deployment, revision) = (domainEvent.Deployment, domainEvent.Revision);
        var report = JsonSerializer.Deserialize<CanaryRollbackReport>(revision.ReportJson!, DeploymentMapping.Json)!;
        Publish(deployment, new DeploymentCanaryRolledBackEvent(
            deployment.Name, await ModelAsync(deployment.ModelId, cancellationToken), revision.Number, domainEvent.RolledBack.Number,
            domainEvent.CanaryVersion, revision.Traffic.Versions, report.Requests, report.Errors, report.ErrorRate, report.P95Milliseconds,
            report.WindowStart, report.WindowEnd, report.Host, report.Reason));
    }

    private async Task PublishPromotionAsync(PromotionRequest request, string actor, string? comment, CancellationToken cancellationToken)
    {
        var version = (await db.ModelVersions.FindAsync([request.ModelVersionId], cancellationToken))!;
        Publish(request, new PromotionEvent(
            request.Id, await ModelAsync(request.ModelId, cancellationToken), version.Number, request.TargetStage, request.Status, actor, comment));
    }

    private async Task PublishChangedAsync(Deployment deployment, DeploymentRevision revision, bool rolledBack, CancellationToken cancellationToken) =>
        Publish(deployment, new DeploymentChangedEvent(
            deployment.Name, await ModelAsync(deployment.ModelId, cancellationToken), deployment.Environment, revision.Number, revision.Kind,
            revision.Traffic.Versions, revision.PreviousRevision, revision.CreatedBy, revision.Reason, rolledBack));

    private async Task<string> ModelAsync(Guid modelId, CancellationToken cancellationToken) =>
        (await db.RegisteredModels.FindAsync([modelId], cancellationToken))!.Name;

    private void Publish(IWorkspaceOwned about, IIntegrationEvent integrationEvent) => db.Publish(about, integrationEvent, clock.GetUtcNow());
}
