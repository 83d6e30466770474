namespace Platform.Edge;

/// <summary>
/// The one HTTP client the agent talks to the platform with, its base address the configured <c>Edge:Platform</c>. No
/// overall timeout (a model download may take long on a slow link): each call sets its own, and a download its idle limit.
/// </summary>
internal sealed class PlatformConnection(HttpClient client) : IDisposable
{
    /// <summary>How long a small call (enrol, token, poll, report) may take before it counts as a failure.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public HttpClient Client { get; } = client;

    public static PlatformConnection Create(Uri baseAddress) => new(new HttpClient(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(15),
        // A device lives for months: new connections now and then pick up DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>A token that ends the call after <see cref="CallTimeout"/> or with <paramref name="cancellationToken"/>.</summary>
    public static CancellationTokenSource Limit(CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CallTimeout);
        return limit;
    }

    public void Dispose() => Client.Dispose();
}
