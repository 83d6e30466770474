using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Downloads;

/// <summary>
/// Signed download links: made with a token for what the caller may read, fetched without one, refused when changed,
/// expired, or made for a user who can no longer sign in.
/// </summary>
public sealed class DownloadLinkTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Artefact = "reports/confusion matrix;v1.txt";

    [Fact]
    public async Task A_run_artefact_link_streams_it_without_credentials_under_a_safe_file_name()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var run = await ArtefactAsync(scientist, "the content");

        var link = await (await scientist.PostJsonAsync("/api/v1/downloads", new { kind = "RunArtifact", runId = run, path = Artefact })).ExpectAsync(200);
        var url = link["url"]!.GetValue<string>();
        Assert.StartsWith("/api/v1/downloads/pdl_", url);
        Assert.True(link["expiresAt"]!.GetValue<DateTimeOffset>() < DateTimeOffset.UtcNow.AddMinutes(3), "the link lives about two minutes");

        using var anonymous = factory.CreateClient();
        using var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("the content", await response.Content.ReadAsStringAsync());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("confusion_matrix_v1.txt", disposition.FileNameStar ?? disposition.FileName!.Trim('"'));
    }

    [Fact]
    public async Task A_model_version_link_gives_a_viewer_the_onnx_file()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var model = "dl-model-" + Guid.NewGuid().ToString("N")[..6];
        var version = await scientist.RegisterVersionAsync(model);
        using var viewer = await factory.UserAsync("Viewer");

        var link = await (await viewer.PostJsonAsync("/api/v1/downloads", new { kind = "ModelVersion", model, version })).ExpectAsync(200);
        Assert.Equal($"{model}-v{version}.onnx", link["fileName"]!.GetValue<string>());
        using var anonymous = factory.CreateClient();
        Assert.Equal(TinyOnnxModel.Bytes(), await anonymous.GetByteArrayAsync(link["url"]!.GetValue<string>()));
        await (await viewer.PostJsonAsync("/api/v1/downloads", new { kind = "ModelVersion", model, version = version + 1 })).ExpectAsync(404);
    }

    [Fact]
    public async Task An_audit_export_link_answers_csv_with_the_filters_it_was_made_with()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        await scientist.CreateExperimentAsync();
        using var approver = await factory.UserAsync("Approver");

        var link = await (await approver.PostJsonAsync("/api/v1/downloads", new { kind = "AuditExport", format = "csv", action = "CreateExperiment" })).ExpectAsync(200);
        Assert.Equal("audit.csv", link["fileName"]!.GetValue<string>());
        using var anonymous = factory.CreateClient();
        using var response = await anonymous.GetAsync(link["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,at,actor,action", lines[0]);
        Assert.True(lines.Length >= 2, "the experiment's creation is in the export");
        Assert.All(lines.Skip(1), line => Assert.Contains(",CreateExperiment,", line));

        var json = await (await approver.PostJsonAsync("/api/v1/downloads", new { kind = "AuditExport", format = "json", action = "CreateExperiment" })).ExpectAsync(200);
        var events = JsonNode.Parse(await anonymous.GetStringAsync(json["url"]!.GetValue<string>()))!.AsArray();
        Assert.Equal(lines.Length - 1, events.Count);
        Assert.All(events, e => Assert.Equal("CreateExperiment", e!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_viewer_cannot_make_a_link_to_the_audit_trail_nor_anyone_to_a_missing_artefact()
    {
        using var viewer = await factory.UserAsync("Viewer");
        await (await viewer.PostJsonAsync("/api/v1/downloads", new { kind = "AuditExport", format = "csv" })).ExpectAsync(403);

        using var scientist = await factory.UserAsync("DataScientist");
        var run = await ArtefactAsync(scientist, "x");
        await (await viewer.PostJsonAsync("/api/v1/downloads", new { kind = "RunArtifact", runId = run, path = "no/such.bin" })).ExpectAsync(404);
        var problem = await (await viewer.PostJsonAsync("/api/v1/downloads", new { kind = "RunArtifact", runId = run, path = "../x" })).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["path"]);
    }

    [Fact]
    public async Task A_link_with_a_changed_target_or_user_or_mac_is_401()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var run = await ArtefactAsync(scientist, "secret");
        var url = await LinkAsync(scientist, run);
        var token = url[(url.LastIndexOf('/') + 1)..];
        var (payload, mac) = (token[4..token.IndexOf('.')], token[(token.IndexOf('.') + 1)..]);
        var ticket = JsonNode.Parse(Base64Url.DecodeFromChars(payload))!;

        var otherUser = ticket.DeepClone();
        otherUser["userId"] = Guid.NewGuid();
        otherUser["userName"] = "someone-else";
        var otherTarget = ticket.DeepClone();
        otherTarget["target"]!["path"] = "reports/other.txt";
        var later = ticket.DeepClone();
        later["expiresAt"] = DateTimeOffset.UtcNow.AddDays(1);
        string[] forged =
        [
            Token(otherUser, mac), Token(otherTarget, mac), Token(later, mac),
            $"pdl_{payload}.{Base64Url.EncodeToString(new byte[32])}", "pdl_" + payload, "not-a-link",
        ];

        using var anonymous = factory.CreateClient();
        foreach (var link in forged)
        {
            var problem = await (await anonymous.GetAsync("/api/v1/downloads/" + link)).ExpectAsync(401);
            Assert.Equal("urn:platform:problem:unauthenticated", problem["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task An_expired_link_is_410()
    {
        var clock = new ShiftedClock();
        using var shifted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var admin = await factory.AdminAsync();
        using var scientist = shifted.CreateClient();
        scientist.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var run = await ArtefactAsync(scientist, "soon gone");
        var url = await LinkAsync(scientist, run);

        clock.Offset = TimeSpan.FromMinutes(3);
        using var anonymous = shifted.CreateClient();
        var problem = await (await anonymous.GetAsync(url)).ExpectAsync(410);
        Assert.Equal("urn:platform:problem:gone", problem["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_link_of_a_user_disabled_since_is_401()
    {
        using var admin = await factory.AdminAsync();
        var name = "dl-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = "a-long-enough-password", roles = new[] { "DataScientist" } })).ExpectAsync(201);
        using var scientist = factory.Authorized(await factory.TokenAsync(name, "a-long-enough-password"));
        var url = await LinkAsync(scientist, await ArtefactAsync(scientist, "x"));

        await (await admin.PatchJsonAsync($"/api/v1/users/{created["id"]}", new { isDisabled = true })).ExpectAsync(200);
        using var anonymous = factory.CreateClient();
        await (await anonymous.GetAsync(url)).ExpectAsync(401);
    }

    private static string Token(JsonNode ticket, string mac) => $"pdl_{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(ticket.ToJsonString()))}.{mac}";

    private static async Task<string> ArtefactAsync(HttpClient client, string content)
    {
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        await (await client.PutAsync($"/api/v1/runs/{run}/artifacts/{Uri.EscapeDataString(Artefact)}", new StringContent(content))).ExpectAsync(200);
        return run;
    }

    private static async Task<string> LinkAsync(HttpClient client, string run) =>
        (await (await client.PostJsonAsync("/api/v1/downloads", new { kind = "RunArtifact", runId = run, path = Artefact })).ExpectAsync(200))["url"]!.GetValue<string>();

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
