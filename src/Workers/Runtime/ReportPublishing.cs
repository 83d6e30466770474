using MassTransit;

namespace Platform.Workers.Runtime;

/// <summary>
/// How a worker sends its reports: through the bus, never through the consume context of the job's message (a broker
/// restart closes that channel and a publish on it can wait forever), each attempt bounded in time.
/// </summary>
internal static class ReportPublishing
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static async Task PublishBoundedAsync<T>(this IPublishEndpoint bus, T message)
        where T : class
    {
        using var timeout = new CancellationTokenSource(AttemptTimeout);
        await bus.Publish(message, timeout.Token);
    }

    /// <summary>
    /// Retries what must arrive (a job's last reports, its claim, its end) with back-off from 250 ms to 5 s for up to
    /// <paramref name="during"/>, which is longer than a broker restart: giving up early would leave the job to run
    /// again when its lease expires. Stops at once when <paramref name="stopping"/> fires (the worker shutting down).
    /// </summary>
    /// <param name="retriable">Which failures are tried again (default: every one).</param>
    public static async Task<T> RetryAsync<T>(
        Func<Task<T>> attempt, TimeSpan during, ILogger logger, string what, CancellationToken stopping = default, Func<Exception, bool>? retriable = null)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        var until = DateTime.UtcNow + during;
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (!stopping.IsCancellationRequested && DateTime.UtcNow < until && (retriable?.Invoke(e) ?? true))
            {
                logger.LogWarning("Could not send {What} yet ({Error}); retrying", what, e.Message);
                await Task.Delay(delay, stopping);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    public static Task RetryAsync(Func<Task> attempt, TimeSpan during, ILogger logger, string what) =>
        RetryAsync(async () => { await attempt(); return true; }, during, logger, what);
}
