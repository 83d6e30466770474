using Platform.Workers.Runtime;

namespace Platform.Workers.Api;

/// <summary>
/// A call to the Api that failed before any answer came (connection refused or reset: the Api restarting, a network
/// blip) is tried again with back-off for up to <see cref="During"/>; an answer, even an error, is not. The calls that
/// use it are reads and idempotent writes (artefacts are stored by content), so a repeat is harmless.
/// </summary>
internal static class TransientApiFaults
{
    public static readonly TimeSpan During = TimeSpan.FromSeconds(60);

    public static Task<T> RetryAsync<T>(Func<Task<T>> call, ILogger logger, string what, CancellationToken cancellationToken) =>
        ReportPublishing.RetryAsync(call, During, logger, what, cancellationToken, e => e is HttpRequestException { StatusCode: null });
}
