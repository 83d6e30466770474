using System.Net.Http.Json;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Notifications;

/// <summary>Managing webhook subscriptions: Admins only, fields checked at the edge, the secret shown once.</summary>
public sealed class WebhooksApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly object ValidBody = new { name = "ci", url = "https://receiver.example/hooks", eventTypes = new[] { "model.version.created" } };

    [Fact]
    public async Task Creating_answers_201_with_its_location_and_the_secret_which_no_read_shows_again()
    {
        using var admin = await factory.AdminAsync();

        var response = await admin.PostJsonAsync("/api/v1/webhooks", ValidBody);
        var created = await response.ExpectAsync(201);

        var id = created["subscription"]!["id"]!.GetValue<string>();
        var secret = created["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal($"/api/v1/webhooks/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(["model.version.created"], created["subscription"]!["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        var read = await (await admin.GetAsync($"/api/v1/webhooks/{id}")).Content.ReadAsStringAsync();
        var listed = await (await admin.GetAsync("/api/v1/webhooks?limit=500")).Content.ReadAsStringAsync();
        Assert.True(read.Contains(id, StringComparison.Ordinal), $"GET did not answer the subscription: {read}");
        Assert.DoesNotContain(secret, read, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\"", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_is_not_in_the_audit_trail()
    {
        using var admin = await factory.AdminAsync();
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", ValidBody)).ExpectAsync(201);
        var secret = created["secret"]!.GetValue<string>();

        var audit = await (await admin.GetAsync("/api/v1/audit?action=CreateWebhook&limit=500")).ExpectAsync(200);

        Assert.NotEmpty(audit["items"]!.AsArray());
        Assert.DoesNotContain(secret, audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_answers_a_new_secret_once_and_moves_to_the_next_version()
    {
        using var admin = await factory.AdminAsync();
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", ValidBody)).ExpectAsync(201);
        var id = created["subscription"]!["id"]!.GetValue<string>();

        var rotated = await (await admin.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null)).ExpectAsync(200);

        Assert.NotEqual(created["secret"]!.GetValue<string>(), rotated["secret"]!.GetValue<string>());
        Assert.Equal(2, rotated["subscription"]!["secretVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_changes_only_the_fields_sent_and_delete_removes_the_subscription()
    {
        using var admin = await factory.AdminAsync();
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", ValidBody)).ExpectAsync(201);
        var id = created["subscription"]!["id"]!.GetValue<string>();

        var updated = await (await admin.PatchJsonAsync($"/api/v1/webhooks/{id}", new { active = false })).ExpectAsync(200);

        Assert.False(updated["active"]!.GetValue<bool>());
        Assert.Equal("https://receiver.example/hooks", updated["url"]!.GetValue<string>());
        Assert.Single(updated["eventTypes"]!.AsArray());
        await (await admin.DeleteAsync($"/api/v1/webhooks/{id}")).ExpectAsync(204);
        await (await admin.GetAsync($"/api/v1/webhooks/{id}")).ExpectAsync(404);
        await (await admin.GetAsync($"/api/v1/webhooks/{id}/deliveries")).ExpectAsync(404);
    }

    [Theory]
    [InlineData("DataScientist")]
    [InlineData("Approver")]
    [InlineData("Operator")]
    public async Task Anyone_but_an_admin_is_refused_with_403(string role)
    {
        using var user = await factory.UserAsync(role);

        var answers = new[]
        {
            await user.PostJsonAsync("/api/v1/webhooks", ValidBody),
            await user.GetAsync("/api/v1/webhooks"),
            await user.GetAsync($"/api/v1/webhooks/{Guid.NewGuid()}/deliveries"),
            await user.PostAsync($"/api/v1/webhooks/{Guid.NewGuid()}/rotate-secret", null),
        };

        Assert.All(answers, a => Assert.Equal(403, (int)a.StatusCode));
    }

    [Fact]
    public async Task Without_credentials_it_is_401()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/webhooks", ValidBody);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("", "https://receiver.example/x", "model.version.created", "name")]
    [InlineData("ci", "not a url", "model.version.created", "url")]
    [InlineData("ci", "ftp://receiver.example/x", "model.version.created", "url")]
    [InlineData("ci", "/relative/path", "model.version.created", "url")]
    [InlineData("ci", "https://receiver.example/x", "model.deleted", "eventTypes[0]")]
    public async Task A_bad_field_is_400_naming_it(string name, string url, string eventType, string field)
    {
        using var admin = await factory.AdminAsync();

        var problem = await (await admin.PostJsonAsync("/api/v1/webhooks", new { name, url, eventTypes = new[] { eventType } })).ExpectAsync(400);

        Assert.True(problem["errors"]?[field] is not null, $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task Too_long_a_name_or_url_is_400_naming_it()
    {
        using var admin = await factory.AdminAsync();

        var problem = await (await admin.PostJsonAsync("/api/v1/webhooks", new
        {
            name = new string('n', 101), url = "https://receiver.example/" + new string('u', 2000),
        })).ExpectAsync(400);

        Assert.True(problem["errors"]?["name"] is not null && problem["errors"]?["url"] is not null, $"expected name and url errors: {problem}");
    }

    [Fact]
    public async Task An_update_to_a_bad_url_is_400_naming_it()
    {
        using var admin = await factory.AdminAsync();
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", ValidBody)).ExpectAsync(201);

        var problem = await (await admin.PatchJsonAsync($"/api/v1/webhooks/{created["subscription"]!["id"]}", new { url = "mailto:ops@example" })).ExpectAsync(400);

        Assert.True(problem["errors"]?["url"] is not null, $"no url error: {problem}");
    }
}
