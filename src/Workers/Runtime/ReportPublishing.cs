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
    /// Retries a report that must arrive (a job's end) with back-off for up to <paramref name="during"/>, which is
    /// longer than a broker restart: giving up early would leave the job to run again when its lease expires.
    /// </summary>
    public static async Task RetryAsync(Func<Task> attempt, TimeSpan during, ILogger logger, string what)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        var until = DateTime.UtcNow + during;
        while (true)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception e) when (DateTime.UtcNow < until)
            {
                logger.LogWarning("Could not send {What} yet ({Error}); retrying", what, e.Message);
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
