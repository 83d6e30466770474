using Microsoft.Extensions.Options;
using Platform.Edge.Identity;
using Platform.Edge.Polling;
using Platform.Edge.Reporting;

namespace Platform.Edge.Agent;

/// <summary>
/// The device's side of the fleet protocol, as one loop: first serve what the state directory holds (so a device
/// started without the platform serves at once), then enrol if it never did, and from then on poll, apply, report and
/// wait, backing off while the platform cannot be reached. Versions on trial are judged every second in between, and a
/// judgement is reported at once.
/// </summary>
internal sealed class EdgeAgent(
    Enroller enroller, DesiredStatePoller poller, DesiredStateApplier applier, ModelSwitcher switcher, Reporter reporter, PollSchedule schedule,
    IOptions<EdgeOptions> options, TimeProvider clock, ILogger<EdgeAgent> logger) : BackgroundService
{
    internal static readonly TimeSpan HealthTick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await switcher.RestoreAsync(stoppingToken);
            if (string.IsNullOrWhiteSpace(options.Value.Platform))
            {
                logger.LogError("Edge:Platform is not set: serving the stored models only, with no platform to follow");
                return;
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = await PollOnceAsync(stoppingToken);
                await WaitWatchingHealthAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: enrol if needed, poll, apply, report. The wait before the next one (longer after a failure).</summary>
    internal async Task<TimeSpan> PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var device = await enroller.EnsureEnrolledAsync(cancellationToken);
            var (desired, changed) = await poller.PollAsync(cancellationToken);
            if (changed)
            {
                schedule.Use(desired.Polling);
            }

            await applier.ApplyAsync(desired, device, async ct => await reporter.ReportAsync(ct), cancellationToken);
            await reporter.ReportAsync(cancellationToken);
            return schedule.AfterSuccess();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var wait = schedule.AfterFailure();
            // The message only: the platform being away is expected on these links, and a stack per poll buries the log.
            logger.LogWarning("Poll failed ({Failures} in a row): {Reason}; next try in {Wait:F0} s", schedule.Failures, ex.Message, wait.TotalSeconds);
            if (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                // What was applied before the cut is still news.
                await reporter.ReportAsync(cancellationToken);
            }

            return wait;
        }
    }

    private async Task WaitWatchingHealthAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + wait;
        while (true)
        {
            if (await switcher.CheckHealthAsync(cancellationToken))
            {
                await reporter.ReportAsync(cancellationToken);
            }

            var left = until - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(switcher.Watching && left > HealthTick ? HealthTick : left, clock, cancellationToken);
        }
    }
}
