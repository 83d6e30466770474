using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Errors;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Application.Deployments;
using Platform.Application.Deployments.Commands.ReportCanaryRollback;
using Platform.Application.Deployments.Commands.ReportMonitoring;
using Platform.Application.Deployments.Queries.GetServingDesiredState;
using Platform.Application.Registry;
using Platform.Application.Registry.Queries.GetModelVersionArtifact;
using Platform.Contracts.Api;
using Platform.Domain.Identity;
using Platform.Infrastructure.Identity;
using Platform.Serving.ControlPlane;

namespace Platform.Host.Serving;

/// <summary>
/// The embedded host's serving side reads its desired state from, and reports to, the Api in the same process: the
/// same handlers the REST routes call, sent as the platform itself (role System, actor <see cref="Actor"/>), so no
/// token has to exist for it. Failures surface as the REST client's would: an <see cref="HttpRequestException"/> with
/// the status the route would have answered (none for a transient failure, which callers retry).
/// </summary>
internal sealed class InProcessServingControlPlane(IServiceScopeFactory scopes) : IServingControlPlane
{
    public const string Actor = "serving (embedded)";

    public Task<ServingDesiredState?> GetDesiredStateAsync(long? knownVersion, CancellationToken cancellationToken) =>
        SendAsync(null, (system, ct) => system.QueryAsync(new GetServingDesiredStateQuery(knownVersion, AllWorkspaces: true), Actor, ct), cancellationToken);

    public Task DownloadModelAsync(string workspace, string model, int version, Stream destination, CancellationToken cancellationToken) =>
        SendAsync(workspace, async (system, ct) =>
        {
            var artifact = await system.QueryAsync(new GetModelVersionArtifactQuery(model, version), Actor, ct);
            await using (artifact.Content.ConfigureAwait(false))
            {
                await artifact.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);

    public Task ReportCanaryRollbackAsync(string endpoint, CanaryRollbackReport report, CancellationToken cancellationToken)
    {
        var (workspace, deployment) = ServingControlPlaneApi.Deployment(endpoint);
        return SendAsync(workspace, (system, ct) => system.SendAsync(new ReportCanaryRollbackCommand(deployment, report), Actor, ct), cancellationToken);
    }

    public Task ReportMonitoringAsync(string endpoint, MonitoringReport report, CancellationToken cancellationToken)
    {
        var (workspace, deployment) = ServingControlPlaneApi.Deployment(endpoint);
        return SendAsync(workspace, (system, ct) => system.SendAsync(new ReportMonitoringCommand(deployment, report), Actor, ct), cancellationToken);
    }

    /// <summary>Sends in <paramref name="workspace"/> (a 404 when there is none of that name); the desired state, which spans them, in none.</summary>
    private async Task<T> SendAsync<T>(string? workspace, Func<SystemSender, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                if (workspace is not null)
                {
                    var id = await scope.ServiceProvider.GetRequiredService<IPlatformDbContext>().Workspaces.Where(w => w.Name == workspace)
                        .Select(w => (Guid?)w.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                        ?? throw new NotFoundException("Workspace", workspace);
                    scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(id, workspace, Role.System);
                }

                return await send(scope.ServiceProvider.GetRequiredService<SystemSender>(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not HttpRequestException)
            {
                var status = StatusOf(ex);
                throw new HttpRequestException(status is null ? $"The control plane failed: {ex.Message}" : $"The control plane answered {(int)status}: {ex.Message}", ex, status);
            }
        }
    }

    /// <summary>The status the REST route would have answered, as the Api maps exceptions; none (a transient failure, retried) for a 500.</summary>
    private static HttpStatusCode? StatusOf(Exception ex) =>
        ProblemDetailsExceptionHandler.StatusOf(ex) is var status and not StatusCodes.Status500InternalServerError ? (HttpStatusCode)status : null;
}
