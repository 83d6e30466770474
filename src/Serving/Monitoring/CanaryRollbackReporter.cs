using System.Net;
using Platform.Contracts.Api;
using Platform.Serving.ControlPlane;

namespace Platform.Serving.Monitoring;

/// <summary>
/// Sends canary rollback reports to the control plane in the background, retrying (1 s doubling to 30 s) until it
/// answers; a refusal other than 408/429 is an answer too, and is logged. Without a control plane the rollback is only
/// logged. <see cref="Pending"/> completes when every report so far is settled.
/// </summary>
internal sealed class CanaryRollbackReporter(IHostApplicationLifetime lifetime, ILogger<CanaryRollbackReporter> logger, IServingControlPlane? plane = null)
{
    private readonly Lock _lock = new();
    private Task _pending = Task.CompletedTask;

    public Task Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending;
            }
        }
    }

    public void Report(string endpoint, CanaryRollbackReport report)
    {
        if (plane is null)
        {
            return;
        }

        lock (_lock)
        {
            _pending = Task.WhenAll(_pending, SendAsync(plane, endpoint, report, lifetime.ApplicationStopping));
        }
    }

    private async Task SendAsync(IServingControlPlane controlPlane, string endpoint, CanaryRollbackReport report, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await controlPlane.ReportCanaryRollbackAsync(endpoint, report, cancellationToken);
                logger.LogInformation("Reported the canary rollback of {Endpoint} revision {Revision} to the control plane", endpoint, report.Revision);
                return;
            }
            catch (HttpRequestException ex) when (ex.StatusCode is { } status && (int)status is >= 400 and < 500 && status is not HttpStatusCode.RequestTimeout and not HttpStatusCode.TooManyRequests)
            {
                logger.LogError("The control plane refused the canary rollback report of {Endpoint} revision {Revision}: {Status}", endpoint, report.Revision, (int)status);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The canary rollback report of {Endpoint} could not be sent (attempt {Attempt}: {Reason}); retrying in {Seconds} s", endpoint, attempt, ex.Message, delay.TotalSeconds);
            }

            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
        }
    }
}
