namespace Platform.Workers.Api;

/// <summary>
/// A worker takes no job before the Api it reports to answers: after a restart the embedded host's worker could
/// otherwise pick up a re-queued job before the host's own HTTP server listened, and fail it with "connection
/// refused". Waits for the process to have started, then for <c>/health/live</c> to answer; once it has, stays open.
/// </summary>
internal sealed class ApiReadiness(IHttpClientFactory clients, IApiAddress api, IHostApplicationLifetime lifetime, ILogger<ApiReadiness> logger)
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
    private readonly Lazy<Task> _ready = new(() => WaitForApiAsync(clients, api, lifetime, logger));

    /// <summary>Completes once the Api has answered; cancelled with <paramref name="cancellationToken"/> (the job message then goes back to its queue).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Value.WaitAsync(cancellationToken);

    private static async Task WaitForApiAsync(IHttpClientFactory clients, IApiAddress api, IHostApplicationLifetime lifetime, ILogger logger)
    {
        var stopping = lifetime.ApplicationStopping;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stopping);
        }

        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await clients.CreateClient(nameof(ApiReadiness)).GetAsync(new Uri(api.BaseAddress, "health/live"), timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    logger.LogInformation("The Api at {Address} answers; taking jobs", api.BaseAddress);
                    return;
                }

                Log(logger, attempt, api, $"it answered {(int)response.StatusCode}");
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // Whatever went wrong (no answer, a timeout, an address not yet known), ask again: a wait that gave up
                // for good would leave the worker taking no job until it is restarted.
                Log(logger, attempt, api, e.Message);
            }

            await Task.Delay(delay, stopping);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, MaxDelay.TotalMilliseconds));
        }
    }

    private static void Log(ILogger logger, int attempt, IApiAddress api, string why)
    {
        if (attempt == 1 || attempt % 30 == 0)
        {
            logger.LogWarning("Waiting for the Api at {Address} before taking jobs ({Why})", api.BaseAddress, why);
        }
    }
}
