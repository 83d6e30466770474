using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests;

/// <summary>
/// The product as a new user starts it (the README's command, and a publish output), not an in-memory factory in
/// Development: once, every stylesheet and script of the portal was answered 200 with an empty body and it was blank.
/// </summary>
public sealed partial class ProductStartTests
{
    [Fact]
    public async Task The_readme_command_serves_a_working_portal_and_api()
    {
        await using var product = await ProductProcess.RunAsync();
        using var client = product.CreateClient();

        await AssertThePortalIsWholeAsync(client);
        await AssertUnknownAddressesAreNotFoundAsync(client);
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = product.AdminPassword() }))
            .Content.ReadFromJsonAsync<JsonObject>();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(me)).StatusCode);
        Assert.True(File.Exists(Path.Combine(product.WorkingFolder, "data", "platform.db")), "the database is not in ./data of the folder it was started in");
        // A new user's first start is quiet: no warning (once, a migration that rebuilt a SQLite table warned on every first start).
        Assert.DoesNotContain(product.Output.Split('\n'), line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_publish_output_serves_the_same_portal()
    {
        var published = Path.Combine(Path.GetTempPath(), "platform-publish", Guid.NewGuid().ToString("N"));
        try
        {
            await PublishAsync(published);
            await using var product = await ProductProcess.RunPublishedAsync(published);
            using var client = product.CreateClient();
            await AssertThePortalIsWholeAsync(client);
        }
        finally
        {
            Directory.Delete(published, recursive: true);
        }
    }

    /// <summary>The sign-in page's every stylesheet and script (and the icon) answers 200 with a body of its own type.</summary>
    private static async Task AssertThePortalIsWholeAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/signin");
        var stylesheets = Stylesheet().Matches(page).Select(m => m.Groups[1].Value).ToList();
        var scripts = Script().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(stylesheets, s => s.Contains("MudBlazor", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.Contains("blazor.web.js", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.Contains("MudBlazor", StringComparison.Ordinal));

        foreach (var (path, type) in stylesheets.Select(s => (s, "text/css")).Concat(scripts.Select(s => (s, "text/javascript"))).Append(("favicon.ico", "image/x-icon")))
        {
            using var response = await client.GetAsync("/" + path.TrimStart('/'));
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.True(body.Length > 0, $"{path} answered 200 with an empty body");
            Assert.Equal((path, type), (path, response.Content.Headers.ContentType?.MediaType));
        }
    }

    /// <summary>A missing file is 404 (not 401, not an empty 200); an unknown page is the portal's 404 page; the Api keeps its 401.</summary>
    private static async Task AssertUnknownAddressesAreNotFoundAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/_content/MudBlazor/no-such-file.js")).StatusCode);

        using var unknownPage = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        unknownPage.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8"); // as a browser asks
        using var pageAnswer = await client.SendAsync(unknownPage);
        Assert.Equal(HttpStatusCode.NotFound, pageAnswer.StatusCode);
        Assert.Equal("text/html", pageAnswer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("_framework/blazor.web.js", await pageAnswer.Content.ReadAsStringAsync()); // the portal, which shows its not-found page

        using var api = await client.GetAsync("/api/v1/no-such-resource");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    private static async Task PublishAsync(string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", Path.Combine(ProductProcess.RepositoryRoot, "src", "Host"), "--no-build", "-c", ProductProcess.Configuration, "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    /// <summary>A <c>link</c> tag that names a stylesheet, whatever the order of its attributes.</summary>
    [GeneratedRegex("""<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="([^"]+)"[^>]*>""")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("""<script\b[^>]*\bsrc="([^"]+)"[^>]*>""")]
    private static partial Regex Script();
}
