using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Registry;

/// <summary>A version named by its id (as the audit trail names it) is found as its model and number, so the portal can link to its page.</summary>
public sealed class FindModelVersionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_id_the_audit_trail_records_for_a_version_answers_its_model_and_number()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var model = "find-" + Guid.NewGuid().ToString("N")[..8];
        await scientist.RegisterVersionAsync(model);
        var second = await scientist.RegisterVersionAsync(model);
        using var admin = await factory.AdminAsync();
        var events = (await (await admin.GetAsync("/api/v1/audit?entityType=ModelVersion&limit=1")).ExpectAsync(200))["items"]!.AsArray();
        var id = Assert.Single(events)!["entityId"]!.GetValue<string>();

        var found = await (await scientist.GetAsync($"/api/v1/model-versions/{id}")).ExpectAsync(200);

        Assert.Equal(model, found["model"]!.GetValue<string>());
        Assert.Equal(second, found["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_id_is_404_and_one_that_is_not_a_guid_is_not_served()
    {
        using var viewer = await factory.UserAsync("Viewer");

        await (await viewer.GetAsync($"/api/v1/model-versions/{Guid.NewGuid()}")).ExpectAsync(404);
        await (await viewer.GetAsync("/api/v1/model-versions/not-a-guid")).ExpectAsync(404);
    }
}
