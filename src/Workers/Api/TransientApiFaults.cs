namespace Platform.Workers.Api;

/// <summary>
/// A call to the Api that failed before any answer came (connection refused or reset: the Api restarting, a network
/// blip) is tried again with back-off for up to <see cref="During"/>; an answer, even an error, is not. The calls that
/// use it are reads and idempotent writes (artefacts are stored by content), so a repeat is harmless.
/// </summary>
internal static class TransientApiFaults
{
    public static readonly TimeSpan During = TimeSpan.FromSeconds(60);

    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, ILogger logger, string what, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        var until = DateTime.UtcNow + During;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (HttpRequestException e) when (e.StatusCode is null && DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The Api did not answer {What} ({Error}); trying again", what, e.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
