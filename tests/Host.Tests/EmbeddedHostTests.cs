using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Host.Tests;

/// <summary>The embedded all-in-one host: API, portal and worker in one process over files in its data folder.</summary>
public sealed class EmbeddedHostTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "platform-host-tests", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<EmbeddedHost> _host;

    public EmbeddedHostTests()
    {
        _host = new WebApplicationFactory<EmbeddedHost>().WithWebHostBuilder(b => b
            .UseSetting("Platform:DataDirectory", _data)
            .UseSetting("urls", "http://127.0.0.1:0")
            .UseSetting("Bootstrap:AdminPassword", "embedded-admin-password"));
        _host.UseKestrel();
    }

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Starts_with_nothing_installed_keeping_its_database_and_artifacts_in_the_data_folder()
    {
        using var client = _host.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "embedded-admin-password" }))
            .Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        var experiment = await (await client.PostAsJsonAsync("/api/v1/experiments", new { name = "embedded" })).Content.ReadFromJsonAsync<JsonObject>();
        var run = await (await client.PostAsJsonAsync($"/api/v1/experiments/{experiment!["id"]}/runs", new { })).Content.ReadFromJsonAsync<JsonObject>();
        var upload = await client.PutAsync($"/api/v1/runs/{run!["id"]}/artifacts/notes.txt", new StringContent("hello"));
        upload.EnsureSuccessStatusCode();

        Assert.True(File.Exists(Path.Combine(_data, "platform.db")), "SQLite file not in the data folder");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_data, "artifacts", "sha256"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Serves_the_portal_and_the_api_reference_from_the_same_process()
    {
        using var client = _host.CreateClient();
        var home = await client.GetStringAsync("/");
        Assert.Contains("<title>Platform</title>", home);
        Assert.Contains("_framework/blazor.web.js", home); // the interactive portal's shell: its pages render in the circuit
        Assert.Contains("MudBlazor.min", home);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/_framework/blazor.web.js")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/experiments")).StatusCode);
    }
}
