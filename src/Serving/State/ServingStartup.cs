using Microsoft.Extensions.Options;

namespace Platform.Serving.State;

/// <summary>Applies the state in configuration (<c>Serving:Endpoints</c>) once the host has started, then reports ready.</summary>
internal sealed class ServingStartup(ServingState state, IOptions<ServingOptions> options, ILogger<ServingStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
