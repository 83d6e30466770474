using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Integration.Tests.Support;

/// <summary>
/// A distributed deployment in miniature: one or more Api processes sharing a SQLite file and data folder, worker
/// processes, all on a virtual host of their own on the test RabbitMQ (and Redis for the SignalR backplane).
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    public const string AdminPassword = "integration-admin-password";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "platform-integration", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _busSettings;
    private readonly Dictionary<string, string> _extra;
    private readonly List<PlatformProcess> _workers = [];
    private readonly List<(PlatformProcess Process, string Url)> _apis = [];

    private Cluster(int rabbitMqPort, string virtualHost, Dictionary<string, string> extra)
    {
        _extra = extra;
        _busSettings = new()
        {
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__Host"] = "127.0.0.1",
            ["Bus__Port"] = rabbitMqPort.ToString(),
            ["Bus__VirtualHost"] = virtualHost,
        };
    }

    public HttpClient Client { get; private set; } = null!;
    public IReadOnlyList<PlatformProcess> Workers => _workers;
    public IReadOnlyList<string> ApiUrls => _apis.Select(a => a.Url).ToList();

    /// <param name="ownRabbitMqPort">A broker of the test's own (see <see cref="TestServices.StartFreshRabbitMqAsync"/>), used
    /// with its default virtual host; otherwise a new virtual host on the shared test broker.</param>
    public static async Task<Cluster> StartAsync(
        int apis = 1, int workers = 2, bool redis = false, Dictionary<string, string>? settings = null, int? ownRabbitMqPort = null)
    {
        TestServices.EnsureRunning();
        var cluster = ownRabbitMqPort is { } port
            ? new Cluster(port, "/", settings ?? [])
            : new Cluster(TestServices.RabbitMqPort, await TestServices.NewVirtualHostAsync(), settings ?? []);
        for (var i = 0; i < apis; i++)
        {
            await cluster.StartApiAsync(redis);
        }

        cluster.Client = await cluster.AdminClientAsync(cluster._apis[0].Url);
        for (var i = 0; i < workers; i++)
        {
            cluster.StartWorker();
        }

        await cluster.WaitForWorkersAsync(workers);
        return cluster;
    }

    public PlatformProcess StartWorker()
    {
        var environment = new Dictionary<string, string>(_busSettings)
        {
            ["Worker__ApiUrl"] = _apis[0].Url,
            ["Worker__HeartbeatSeconds"] = "1",
            ["Worker__ShutdownGraceSeconds"] = "5",
            ["Worker__MaxConcurrentJobs"] = "2",
        };
        foreach (var (key, value) in _extra.Where(s => s.Key.StartsWith("Worker__", StringComparison.Ordinal)))
        {
            environment[key] = value;
        }

        var worker = PlatformProcess.Start("Workers", $"worker-{_workers.Count + 1}", environment);
        _workers.Add(worker);
        return worker;
    }

    public async Task<HttpClient> AdminClientAsync(string url)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = AdminPassword }))
            .Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        return client;
    }

    /// <summary>A started SignalR connection to the jobs hub of one api, over WebSockets, as the admin.</summary>
    public async Task<HubConnection> ConnectHubAsync(int api = 0)
    {
        var token = Client.DefaultRequestHeaders.Authorization!.Parameter!;
        var connection = new HubConnectionBuilder()
            .WithUrl(_apis[api].Url + "/hubs/jobs", o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public async Task WaitForWorkersAsync(int online)
    {
        await Eventually.HoldsAsync(async () =>
        {
            var workers = (await Client.GetFromJsonAsync<JsonObject>("/api/v1/workers?online=true&limit=500"))!["items"]!.AsArray();
            return workers.Count >= online;
        }, TimeSpan.FromSeconds(60), () => $"{online} worker(s) did not come online.\n{Diagnostics()}");
    }

    /// <summary>Every line a worker process wrote that mentions <paramref name="text"/> (e.g. a job id), with the worker's name.</summary>
    public IReadOnlyList<string> WorkerLinesAbout(string text) =>
        [.. _workers.SelectMany(p => p.Output.Split('\n').Where(l => l.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(l => $"{p.Name}: {l.Trim()}"))];

    public string Diagnostics() =>
        string.Join("\n", _apis.Select(a => a.Process).Concat(_workers).Select(p => $"--- {p.Name} (exited: {p.HasExited})\n{Tail(p.Output)}"));

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        foreach (var process in _workers.Concat(_apis.Select(a => a.Process)))
        {
            await process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartApiAsync(bool redis)
    {
        var port = PlatformProcess.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var environment = new Dictionary<string, string>(_busSettings)
        {
            ["ASPNETCORE_URLS"] = url,
            ["Platform__DataDirectory"] = _data,
            ["Bootstrap__AdminPassword"] = AdminPassword,
            ["RateLimits__TokenRequestsPerMinute"] = "100000",
            ["Jobs__WorkerOfflineSeconds"] = "5",
        };
        if (redis)
        {
            environment["SignalR__RedisConnectionString"] = $"127.0.0.1:{TestServices.RedisPort}";
        }

        foreach (var (key, value) in _extra)
        {
            environment[key] = value;
        }

        var api = PlatformProcess.Start("Api", $"api-{_apis.Count + 1}", environment);
        _apis.Add((api, url));
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                return (await probe.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), () => $"{api.Name} did not become ready.\n{Tail(api.Output)}");
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(40));
}
