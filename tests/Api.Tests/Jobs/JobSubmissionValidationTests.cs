using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Jobs;

/// <summary>What a job submission is refused for: the submitter's role, each kind's parameters, a run that does not exist.</summary>
public sealed class JobSubmissionValidationTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task A_deploy_job_without_its_parameters_is_refused_naming_them()
    {
        using var client = await factory.UserAsync("Operator");

        var problem = await (await client.PostJsonAsync("/api/v1/jobs", new { kind = "Deploy", parameters = new { model = "m", versions = Array.Empty<object>(), latencyRuns = 0 } })).ExpectAsync(400);

        var errors = problem["errors"]!.AsObject();
        Assert.Contains("parameters.deployment", errors.Select(e => e.Key));
        Assert.Contains("parameters.versions", errors.Select(e => e.Key));
        Assert.Contains("parameters.latencyRuns", errors.Select(e => e.Key));
        Assert.DoesNotContain("parameters.model", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_viewer_cannot_submit_a_job()
    {
        using var viewer = await factory.UserAsync("Viewer");

        var problem = await (await viewer.PostJsonAsync("/api/v1/jobs", new { kind = "Diagnostic" })).ExpectAsync(403);

        Assert.Equal("urn:platform:problem:forbidden", problem["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"kind":"Juggle"}""", "kind")]
    [InlineData("""{"kind":99}""", "kind")]
    [InlineData("""{"kind":"Diagnostic","hardwareClass":"Tpu"}""", "hardwareClass")]
    [InlineData("""{"kind":"Diagnostic","timeoutSeconds":0}""", "timeoutSeconds")]
    [InlineData("""{"kind":"Diagnostic","timeoutSeconds":604801}""", "timeoutSeconds")]
    [InlineData("""{"kind":"Diagnostic","maxAttempts":11}""", "maxAttempts")]
    [InlineData("""{"kind":"Diagnostic","parameters":[1,2]}""", "parameters")]
    [InlineData("""{"kind":"Diagnostic","parameters":"durationMs=5"}""", "parameters")]
    [InlineData("""{"kind":"Diagnostic","parameters":{"durationMs":-1}}""", "parameters.durationMs")]
    [InlineData("""{"kind":"Diagnostic","parameters":{"childProcessSeconds":3601}}""", "parameters.childProcessSeconds")]
    [InlineData("""{"kind":"Diagnostic","parameters":{"durationMs":"slow"}}""", "parameters.durationMs")]
    [InlineData("""{"kind":"Diagnostic","parameters":{"sleepMs":5}}""", "parameters.sleepMs")]
    [InlineData("""{"kind":"Train","parameters":{}}""", "runId")]
    [InlineData("""{"kind":"Train","parameters":{"dataset":"d","datasetVersion":1,"labelColumn":"y","task":"Ranking","trainer":"LightGbm"}}""", "parameters.task")]
    [InlineData("""{"kind":"Train","parameters":{"dataset":"d","datasetVersion":1,"labelColumn":"y","task":"Regression","trainer":"Linear","hyperparameters":{"numberOfLeaves":7}}}""", "parameters.hyperparameters.numberOfLeaves")]
    [InlineData("""{"kind":"Train","parameters":{"dataset":"d","datasetVersion":0}}""", "parameters.datasetVersion")]
    [InlineData("""{"kind":"Evaluate","parameters":{"dataset":"d","datasetVersion":1,"split":"holdout"}}""", "parameters.split")]
    [InlineData("""{"kind":"Evaluate","parameters":{"dataset":"d","datasetVersion":1,"rows":5}}""", "parameters.rows")]
    public async Task Bad_input_is_400_naming_the_field(string body, string field)
    {
        var client = await factory.ScientistAsync();

        var response = await client.PostAsync("/api/v1/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ExpectAsync(400);

        var errors = problem["errors"]?.AsObject();
        Assert.True(
            errors is not null && errors.ContainsKey(field),
            $"{body} gave no error for '{field}'; errors: {errors?.ToJsonString() ?? "none"}");
    }

    [Fact]
    public async Task A_job_for_a_run_that_does_not_exist_is_404()
    {
        var client = await factory.ScientistAsync();

        await (await client.PostJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", runId = Guid.NewGuid() })).ExpectAsync(404);
    }
}
