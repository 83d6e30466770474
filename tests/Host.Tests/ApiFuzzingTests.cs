using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Api.Tests.Support;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;

namespace Platform.Host.Tests;

/// <summary>
/// Bounded, seeded fuzzing of every operation the product's OpenAPI document lists (the Api and the serving surface):
/// a few thousand bad requests as an admin, each answered below 500, and every problem it answers in a user's words
/// (no .NET type names, no byte positions). Once, 78 of 16,002 such requests answered 500.
/// </summary>
public sealed class ApiFuzzingTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261206;
    private const int RequestsPerOperation = 32;
    private const string AdminPassword = "fuzzing-admin-password";
    private const string ServingAdminKey = "fuzzing-serving-admin-key";
    private static readonly string[] Leaks = ["System.", "Platform.", "Microsoft.", "BytePositionInLine", "LineNumber:", "   at "];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "platform-fuzz", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<EmbeddedHost> _host = new();

    [Fact]
    public async Task Every_operation_answers_bad_requests_below_500_in_words_a_user_reads()
    {
        var host = _host.WithWebHostBuilder(b => b
            .UseSetting("Platform:DataDirectory", _data)
            .UseSetting("urls", "http://127.0.0.1:0")
            .UseSetting("Bootstrap:AdminPassword", AdminPassword)
            .UseSetting("RateLimits:TokenRequestsPerMinute", "100000")
            .UseSetting("Serving:AdminKey", ServingAdminKey)
            .UseSetting("Logging:LogLevel:Default", "Warning"));
        host.UseKestrel();
        host.StartServer();
        using var admin = host.CreateClient();
        var token = await JobRequests.ExpectAsync(await admin.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = AdminPassword }), 200);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        admin.DefaultRequestHeaders.Add("X-Serving-Admin-Key", ServingAdminKey);
        var document = (await admin.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var fuzzer = new OpenApiFuzzer(document, new Random(Seed), await KnownValuesAsync(admin));

        var failures = new List<string>();
        var sent = 0;
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                for (var i = 0; i < RequestsPerOperation; i++)
                {
                    using var request = fuzzer.Next(method.ToUpperInvariant(), template, operation!.AsObject());
                    var described = $"{request.Method} {request.RequestUri} {(request.Content is null ? "" : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync()))}";
                    using var response = await admin.SendAsync(request);
                    sent++;
                    var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
                    if ((int)response.StatusCode >= 500 || ((int)response.StatusCode >= 400 && Leaks.FirstOrDefault(body.Contains) is { } leak && IsProblem(response)))
                    {
                        failures.Add($"{(int)response.StatusCode} for {Cut(described, 300)}\n    -> {Cut(body, 400)}");
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests over {document["paths"]!.AsObject().Count} paths, {failures.Count} failures");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Take(40)));
    }

    public void Dispose()
    {
        _host.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder is the OS's to clean
        }
    }

    /// <summary>Real resources for path values (by the segment before the parameter), so that requests get past "not found".</summary>
    private static async Task<Dictionary<string, string>> KnownValuesAsync(HttpClient admin)
    {
        var experiment = await CreatedAsync(admin, "/api/v1/experiments", new { name = "fuzz-" + Guid.NewGuid().ToString("N")[..6] }, "id");
        var run = await CreatedAsync(admin, $"/api/v1/experiments/{experiment}/runs", new { name = "fuzz" }, "id");
        var user = await CreatedAsync(admin, "/api/v1/users", new { userName = "fuzz-user", password = "a-long-enough-password", roles = new[] { "Viewer" } }, "id");
        var accessToken = (await JobRequests.ExpectAsync(await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "fuzz", roles = new[] { "Viewer" }, expiresInDays = 1 }), 201))["token"]!["id"]!.GetValue<string>();
        var webhook = (await JobRequests.ExpectAsync(await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "fuzz", url = "http://127.0.0.1:9/hook" }), 201))["subscription"]!["id"]!.GetValue<string>();
        var job = (await JobRequests.ExpectAsync(await admin.PostAsJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", parameters = new { } }), 202))["id"]!.GetValue<string>();
        var csv = new StringContent("width,height,kind\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n", Encoding.UTF8);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await JobRequests.ExpectAsync(await admin.PostAsync("/api/v1/datasets/fuzz-data/versions", csv), 201);
        var file = new ByteArrayContent(TinyOnnxModel.Bytes());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await JobRequests.ExpectAsync(await admin.PostAsync("/api/v1/models/fuzz-model/versions/upload", new MultipartFormDataContent { { file, "file", "tiny.onnx" } }), 201);
        return new Dictionary<string, string>
        {
            ["experiments/experimentId"] = experiment, ["experiments/id"] = experiment, ["runs/id"] = run, ["users/id"] = user, ["tokens/id"] = accessToken,
            ["webhooks/id"] = webhook, ["jobs/id"] = job, ["datasets/name"] = "fuzz-data", ["versions/version"] = "1", ["models/name"] = "fuzz-model",
        };
    }

    private static async Task<string> CreatedAsync(HttpClient client, string path, object body, string field) =>
        (await JobRequests.ExpectAsync(await client.PostAsJsonAsync(path, body), 201))[field]!.GetValue<string>();

    private static bool IsProblem(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
