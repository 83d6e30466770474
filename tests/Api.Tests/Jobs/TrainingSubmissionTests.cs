using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Jobs;

/// <summary>A Train job that could only fail later is refused on submission, every fault at once, each naming its field.</summary>
public sealed class TrainingSubmissionTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Theory]
    [InlineData("../../x.onnx")]
    [InlineData("/abs/x.onnx")]
    [InlineData("models/../../x.onnx")]
    public async Task A_model_path_outside_the_run_is_400_naming_it(string modelPath)
    {
        var errors = await RefusedAsync(new { dataset = "d", datasetVersion = 1, labelColumn = "y", task = "Regression", trainer = "LightGbm", modelPath });

        Assert.Contains("relative artefact path", errors["parameters.modelPath"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_bad_hyper_parameter_is_named_at_once()
    {
        var errors = await RefusedAsync(new
        {
            dataset = "d", datasetVersion = 1, labelColumn = "y", task = "Regression", trainer = "LightGbm",
            hyperparameters = new { numberOfLeaves = 1, learningRate = 5, colour = "red" },
        });

        Assert.Equal(
            ["parameters.hyperparameters.colour", "parameters.hyperparameters.learningRate", "parameters.hyperparameters.numberOfLeaves"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_label_column_the_dataset_lacks_is_400_listing_its_columns()
    {
        var client = await factory.ScientistAsync();
        var name = "labels-" + Guid.NewGuid().ToString("N")[..6];
        var csv = new StringContent("width,height,kind\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n", Encoding.UTF8);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await (await client.PostAsync($"/api/v1/datasets/{name}/versions", csv)).ExpectAsync(201);

        var errors = await RefusedAsync(new { dataset = name, datasetVersion = 1, labelColumn = "knid", task = "BinaryClassification", trainer = "LightGbm" });

        Assert.Equal($"{name} v1 has no column 'knid'; its columns are: width, height, kind", errors["parameters.labelColumn"]![0]!.GetValue<string>());
    }

    private async Task<JsonObject> RefusedAsync(object parameters)
    {
        var client = await factory.ScientistAsync();
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        var problem = await (await client.PostJsonAsync("/api/v1/jobs", new { kind = "Train", runId = run, parameters })).ExpectAsync(400);
        return problem["errors"]!.AsObject();
    }
}
