using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Jobs;

/// <summary>A model trained elsewhere enters the registry as an uploaded ONNX file, with its schema read and its origin in the lineage.</summary>
[Collection(JobHostCollection.Name)]
public sealed class ModelUploadTests(JobHost host)
{
    [Fact]
    public async Task An_uploaded_onnx_file_becomes_a_version_and_anything_else_is_400_naming_the_file()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;
        var run = await TrainAsync(client, await TrainingRequests.UploadAsync(client, "breast-cancer"), "Linear");
        var onnx = await client.GetByteArrayAsync($"/api/v1/runs/{run}/artifacts/model.onnx");
        var model = "uploaded-" + Guid.NewGuid().ToString("N")[..6];

        var version = await UploadAsync(client, model, onnx, "../../etc/cancer.onnx").ExpectAsync(201, "upload an ONNX file");

        Assert.Equal(1, version["version"]!.GetValue<int>());
        Assert.Equal("features", version["inputs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(("upload", "cancer.onnx", user.Name), (
            version["lineage"]!["source"]!.GetValue<string>(), version["lineage"]!["fileName"]!.GetValue<string>(), version["lineage"]!["uploadedBy"]!.GetValue<string>()));
        Assert.Equal("# Uploaded", (await client.GetFromJsonAsync<JsonObject>($"/api/v1/models/{model}/versions/1"))!["modelCard"]!.GetValue<string>());
        Assert.Equal(onnx, await client.GetByteArrayAsync($"/api/v1/models/{model}/versions/1/artifact"));
        var problem = await UploadAsync(client, model, "not a model"u8.ToArray(), "x.onnx").ExpectAsync(400, "upload text");
        Assert.True(problem["errors"]?["file"] is not null, problem.ToJsonString());
        using var viewer = await host.UserAsync("Viewer");
        await UploadAsync(viewer.Client, model, onnx, "x.onnx").ExpectAsync(403, "a Viewer uploads");
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string model, byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { file, "file", fileName }, { new StringContent("# Uploaded"), "modelCard" } };
        return client.PostAsync($"/api/v1/models/{model}/versions/upload", form);
    }
}
