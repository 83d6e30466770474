using System.Text;
using Platform.Api.Tests.Deployments;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Workspaces;

/// <summary>
/// A workspace's storage and deployment quotas: an upload that would take it past its storage is refused with the
/// quota named, whether its length is declared or not, and nothing of it is recorded; a new deployment past the
/// deployment quota is refused while an existing one still changes.
/// </summary>
public sealed class StorageAndDeploymentQuotaTests(DeploymentsApiFactory factory) : IClassFixture<DeploymentsApiFactory>
{
    private static readonly string Csv = "x,y\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"{i},{i % 2}\n"));

    [Fact]
    public async Task An_upload_past_the_storage_quota_is_refused_with_the_quota_named_and_nothing_recorded()
    {
        using var admin = await factory.AdminAsync();
        var name = "storage-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name })).ExpectAsync(201);
        var size = Encoding.UTF8.GetByteCount(Csv);
        await (await admin.PutJsonAsync($"/api/v1/workspaces/{name}/quotas", new { storageBytes = 2 * size + 10 })).ExpectAsync(200);

        await (await UploadAsync(admin, name, declared: true)).ExpectAsync(201);
        await (await UploadAsync(admin, name, declared: false)).ExpectAsync(201);
        var declared = await (await UploadAsync(admin, name, declared: true)).ExpectAsync(409);
        var streamed = await (await UploadAsync(admin, name, declared: false)).ExpectAsync(409);

        foreach (var refused in new[] { declared, streamed })
        {
            Assert.Equal("quota.storage", refused["code"]!.GetValue<string>());
            Assert.Contains("storage quota of", refused["detail"]!.GetValue<string>());
        }

        var versions = await (await admin.GetAsync($"/api/v1/workspaces/{name}/datasets?name=quota-data")).ExpectAsync(200);
        Assert.Equal(2, versions["items"]!.AsArray().Count);
        var quotas = await (await admin.GetAsync($"/api/v1/workspaces/{name}/quotas")).ExpectAsync(200);
        Assert.Equal((2L * size + 10, 2L * size), (quotas["storageBytes"]!["quota"]!.GetValue<long>(), quotas["storageBytes"]!["inUse"]!.GetValue<long>()));
        var home = await (await admin.GetAsync("/api/v1/workspaces/default/quotas")).ExpectAsync(200);
        Assert.Equal(100L * 1024 * 1024 * 1024, home["storageBytes"]!["quota"]!.GetValue<long>());
    }

    [Fact]
    public async Task Replacing_an_artefact_frees_what_it_replaces()
    {
        var token = await factory.TokenAsync(ApiFactory.AdminUser, ApiFactory.AdminPassword);
        using var admin = factory.Authorized(token);
        var name = "replace-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name })).ExpectAsync(201);
        var size = Encoding.UTF8.GetByteCount(Csv);
        await (await admin.PutJsonAsync($"/api/v1/workspaces/{name}/quotas", new { storageBytes = size + (size / 2) })).ExpectAsync(200);
        using var inside = factory.InWorkspace(token, name);
        var run = await inside.CreateRunAsync(await inside.CreateExperimentAsync());

        for (var i = 0; i < 3; i++)
        {
            await (await inside.PutAsync($"/api/v1/runs/{run}/artifacts/data.csv", new StringContent(Csv, Encoding.UTF8, "text/csv"))).ExpectAsync(200);
        }

        var refused = await (await inside.PutAsync($"/api/v1/runs/{run}/artifacts/other.csv", new StringContent(Csv, Encoding.UTF8, "text/csv"))).ExpectAsync(409);
        Assert.Equal("quota.storage", refused["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_deployment_past_the_quota_is_refused_and_an_existing_one_still_changes()
    {
        using var admin = await factory.AdminAsync();
        await (await admin.PutJsonAsync("/api/v1/workspaces/default/quotas", new { deployments = 1 })).ExpectAsync(200);
        var model = DeploymentsApiFactory.NewName("m");
        var version = await factory.VersionAsync(model);
        var first = DeploymentsApiFactory.NewName("first");
        await factory.DeployActiveAsync(first, model, new { version, weight = 100 });

        var refused = await factory.PutAsync(DeploymentsApiFactory.NewName("second"), DeploymentsApiFactory.Body(model, new { version, weight = 100 }), 409);
        Assert.Equal("quota.deployments", refused["code"]!.GetValue<string>());
        Assert.Contains("quota of 1 deployment;", refused["detail"]!.GetValue<string>());
        await factory.PutAsync(first, DeploymentsApiFactory.Body(model, new { version, weight = 50 }), 200);
        var quotas = await (await admin.GetAsync("/api/v1/workspaces/default/quotas")).ExpectAsync(200);
        Assert.Equal((1, 1), (quotas["deployments"]!["quota"]!.GetValue<int>(), quotas["deployments"]!["inUse"]!.GetValue<int>()));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string workspace, bool declared)
    {
        HttpContent content = declared
            ? new StringContent(Csv, Encoding.UTF8, "text/csv")
            : new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(Csv)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return client.PostAsync($"/api/v1/workspaces/{workspace}/datasets/quota-data/versions", content);
    }

    /// <summary>A stream that cannot tell its length, so the request goes chunked with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
