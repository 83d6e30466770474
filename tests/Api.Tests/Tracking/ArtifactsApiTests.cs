using System.Security.Cryptography;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Tracking;

public sealed class ArtifactsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_50_MB_artifact_uploads_and_downloads_with_a_matching_sha256()
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        var content = new byte[50 * 1024 * 1024];
        new Random(42).NextBytes(content);
        var expected = Convert.ToHexStringLower(SHA256.HashData(content));

        var uploaded = await (await client.PutAsync($"/api/v1/runs/{run}/artifacts/model/weights.bin", new ByteArrayContent(content))).ExpectAsync(200);
        Assert.Equal(expected, uploaded["sha256"]!.GetValue<string>());
        Assert.Equal(content.Length, uploaded["sizeBytes"]!.GetValue<long>());

        using var response = await client.GetAsync($"/api/v1/runs/{run}/artifacts/model/weights.bin", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Headers.GetValues("X-Content-SHA256").Single());
        await using var stream = await response.Content.ReadAsStreamAsync();
        Assert.Equal(expected, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));

        var listed = await (await client.GetAsync($"/api/v1/runs/{run}/artifacts")).ExpectAsync(200);
        Assert.Equal("model/weights.bin", Assert.Single(listed["items"]!.AsArray())!["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("..%2Fx")]
    [InlineData("a%2F..%2F..%2Fsecret")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("/etc/passwd")]
    [InlineData("C%3A%5Cwindows%5Cwin.ini")]
    [InlineData("logs/CON")]
    public async Task A_path_that_could_escape_is_400_naming_path(string path)
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        var problem = await (await client.PutAsync($"/api/v1/runs/{run}/artifacts/{path}", new StringContent("x"))).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["path"]);
        problem = await (await client.GetAsync($"/api/v1/runs/{run}/artifacts/{path}")).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["path"]);
    }

    [Fact]
    public async Task The_same_content_is_stored_once_and_a_missing_artifact_is_404()
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        var one = await (await client.PutAsync($"/api/v1/runs/{run}/artifacts/a.txt", new StringContent("same"))).ExpectAsync(200);
        var two = await (await client.PutAsync($"/api/v1/runs/{run}/artifacts/b/a.txt", new StringContent("same"))).ExpectAsync(200);
        Assert.Equal(one["sha256"]!.GetValue<string>(), two["sha256"]!.GetValue<string>());
        var blobs = Directory.GetFiles(Path.Combine(factory.DataDirectory, "artifacts", "sha256"), "*", SearchOption.AllDirectories);
        Assert.Single(blobs, b => Path.GetFileName(b) == one["sha256"]!.GetValue<string>());
        await (await client.GetAsync($"/api/v1/runs/{run}/artifacts/nothing-here.txt")).ExpectAsync(404);
    }
}

public sealed class SmallArtifactLimitFactory : ApiFactory
{
    public SmallArtifactLimitFactory() => With("Artifacts:MaxBytes", "1024");
}

public sealed class ArtifactSizeLimitTests(SmallArtifactLimitFactory factory) : IClassFixture<SmallArtifactLimitFactory>
{
    [Fact]
    public async Task An_artifact_over_the_configured_limit_is_413_and_nothing_is_kept()
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        await (await client.PutAsync($"/api/v1/runs/{run}/artifacts/small.bin", new ByteArrayContent(new byte[1024]))).ExpectAsync(200);
        await (await client.PutAsync($"/api/v1/runs/{run}/artifacts/big.bin", new ByteArrayContent(new byte[1025]))).ExpectAsync(413);

        // Without a Content-Length the limit is enforced while streaming.
        var chunked = new StreamContent(new MemoryStream(new byte[4096]));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/runs/{run}/artifacts/streamed.bin") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await (await client.SendAsync(request)).ExpectAsync(413);

        var listed = await (await client.GetAsync($"/api/v1/runs/{run}/artifacts")).ExpectAsync(200);
        Assert.Equal("small.bin", Assert.Single(listed["items"]!.AsArray())!["path"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "artifacts", "tmp")));
    }
}
