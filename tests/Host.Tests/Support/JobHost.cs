using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Platform.Host.Tests.Support;

/// <summary>
/// One embedded host (Api + in-process worker on the in-memory bus) over its own data folder, shared by the job
/// tests: Diagnostic jobs really run in it. Two jobs may run at once, so that a second job is not held behind a first;
/// leases last 3 s (renewed every second), so that what a worker does between renewals shows within a test; a job keeps
/// <see cref="MaxLogLinesPerJob"/> log lines.
/// </summary>
public sealed class JobHost : IDisposable
{
    public const string AdminPassword = "job-host-admin-password";
    public const int MaxLogLinesPerJob = 5000;
    public const string ServingAdminKey = "job-host-serving-admin-key";
    private const string UserPassword = "a-long-enough-password";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "platform-host-tests", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<EmbeddedHost> _factory;

    public JobHost()
    {
        _factory = new WebApplicationFactory<EmbeddedHost>().WithWebHostBuilder(b => b
            .UseSetting("Platform:DataDirectory", _data)
            .UseSetting("urls", "http://127.0.0.1:0")
            .UseSetting("Bootstrap:AdminPassword", AdminPassword)
            .UseSetting("RateLimits:TokenRequestsPerMinute", "100000")
            .UseSetting("Worker:MaxConcurrentJobs", "2")
            .UseSetting("Jobs:LeaseSeconds", "3")
            .UseSetting("Jobs:MaxLogLinesPerJob", MaxLogLinesPerJob.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Serving:ControlPlane:PollSeconds", "0.5")
            .UseSetting("Serving:AdminKey", ServingAdminKey)
            .UseSetting("Serving:AllowFaultInjection", "true")
            .UseSetting("Fleet:PollIntervalSeconds", "1")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .ConfigureLogging(logging => logging.AddProvider(Logs)));
        // A real loopback server: the in-process worker reports to the Api over HTTP, as a worker process does.
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = _factory.CreateClient().BaseAddress!;
    }

    public Uri BaseAddress { get; }

    /// <summary>The host's SQLite file, for tests that check what an edit made behind the Api's back does.</summary>
    public string DatabasePath => Path.Combine(_data, "platform.db");

    /// <summary>What the worker's lease keeper logged.</summary>
    public CapturedLogs Logs { get; } = new("Platform.Workers.Runtime.LeaseKeeper");

    public void Dispose()
    {
        _factory.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A client of the host without a token (the serving surface takes inference keys instead).</summary>
    public HttpClient AnonymousClient() => _factory.CreateClient();

    /// <summary>A new user holding <paramref name="roles"/>, signed in.</summary>
    public async Task<SignedInUser> UserAsync(params string[] roles)
    {
        using var admin = Authorized(await TokenAsync("admin", AdminPassword));
        var name = "user-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password = UserPassword, roles });
        created.EnsureSuccessStatusCode();
        var token = await TokenAsync(name, UserPassword);
        return new SignedInUser(name, Authorized(token), token);
    }

    /// <summary>A client signed in with <paramref name="token"/> whose calls go to <paramref name="workspace"/> (<see cref="Platform.Api.Tests.Support.IntoWorkspace"/>).</summary>
    public HttpClient InWorkspace(string token, string workspace)
    {
        var client = _factory.CreateDefaultClient(BaseAddress, new Platform.Api.Tests.Support.IntoWorkspace(workspace));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A SignalR connection to the jobs hub (or <paramref name="hub"/>), not yet started: long polling, or WebSockets without negotiation.</summary>
    public HubConnection HubConnection(string token, HttpTransportType transport, string hub = "hubs/jobs") =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, hub), o =>
            {
                o.Transports = transport;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.SkipNegotiation = transport == HttpTransportType.WebSockets;
            })
            .Build();

    private async Task<string> TokenAsync(string user, string password)
    {
        using var anonymous = _factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["accessToken"]!.GetValue<string>();
    }

    private HttpClient Authorized(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>The job tests share one host and run one after another, so that timings measured in one are not skewed by another.</summary>
[CollectionDefinition(Name)]
public sealed class JobHostCollection : ICollectionFixture<JobHost>
{
    public const string Name = "Job host";
}

/// <summary>A user's API client and bearer token (for SignalR).</summary>
public sealed record SignedInUser(string Name, HttpClient Client, string Token) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
