using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Api;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Api.Tests.Support;

/// <summary>
/// The real API over its own SQLite file and artefact folder (one per test class), with a known first admin.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "admin-password-for-tests";
    public const string WorkerName = "test-worker";

    private readonly Dictionary<string, string?> _settings = [];

    public ApiFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "platform-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>Adds a configuration value before the server starts.</summary>
    public ApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Platform:DataDirectory", DataDirectory);
        builder.UseSetting("Bootstrap:AdminUser", AdminUser);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("RateLimits:TokenRequestsPerMinute", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<string> TokenAsync(string user, string password)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>(Json.Options);
        return body!.AccessToken;
    }

    public async Task<HttpClient> AdminAsync() => Authorized(await TokenAsync(AdminUser, AdminPassword));

    /// <summary>A new user holding <paramref name="roles"/>, signed in.</summary>
    public async Task<HttpClient> UserAsync(params string[] roles)
    {
        using var admin = await AdminAsync();
        var name = "user-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "a-long-enough-password";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password, roles });
        created.EnsureSuccessStatusCode();
        return Authorized(await TokenAsync(name, password));
    }

    public HttpClient Authorized(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Claims a job as a worker does: over HTTP with the claim ticket of the job's last queued message. Its lease and job token.</summary>
    public async Task<JobClaimed> ClaimAsWorkerAsync(Guid jobId)
    {
        using var worker = Authorized(await ClaimTicketAsync(jobId));
        var response = await worker.PostAsJsonAsync(JobReportsApi.Claim(jobId), new JobClaimRequest(WorkerName));
        Assert.True(response.IsSuccessStatusCode, $"claim answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JobClaimed>())!;
    }

    /// <summary>The claim ticket in the last <see cref="RunJob"/> message queued for the job (read from the outbox, as the broker would carry it).</summary>
    public async Task<string> ClaimTicketAsync(Guid jobId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "platform.db")};Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT Body FROM OutboxMessages WHERE MessageType = $type AND Body LIKE $job ORDER BY Id DESC LIMIT 1";
        query.Parameters.AddWithValue("$type", typeof(RunJob).FullName);
        query.Parameters.AddWithValue("$job", $"%{jobId}%");
        var body = (string?)await query.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No RunJob message was queued for job {jobId}.");
        return System.Text.Json.JsonSerializer.Deserialize<RunJob>(body, System.Text.Json.JsonSerializerOptions.Web)!.ClaimTicket!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
        }
    }

    private sealed record TokenBody(string AccessToken, int ExpiresIn);
}
