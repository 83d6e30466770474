using Microsoft.Extensions.Options;

namespace Platform.Serving.State;

/// <summary>
/// Without a control plane (REST or in process): applies the state in configuration (<c>Serving:Endpoints</c>) once the host has started,
/// then reports ready. With one, the control-plane sync does both.
/// </summary>
internal sealed class ServingStartup(ServingState state, IOptions<ServingOptions> options, IServiceProvider services, ILogger<ServingStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<ControlPlane.IServingControlPlane>() is not null)
        {
            return;
        }

        if (options.Value.InferenceKeyHashes.Length == 0 && options.Value.Endpoints.Length > 0)
        {
            logger.LogWarning("Serving:InferenceKeyHashes is empty: the configured endpoints answer inference requests without a key");
        }

        var endpoints = options.Value.Endpoints;
        if (endpoints.Length > 0)
        {
            try
            {
                await state.ApplyAsync(new DesiredServingState { Endpoints = endpoints }, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The configured serving state could not be applied; /v2/health/ready stays 503");
                return;
            }
        }

        state.MarkReady();
    }
}
