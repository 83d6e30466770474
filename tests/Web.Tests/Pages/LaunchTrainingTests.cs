using System.Net;
using System.Text.Json;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Pages;

/// <summary>The launch form over the stub Api: the label column from the dataset version's profile, defaults, GPU only when one is online.</summary>
public sealed class LaunchTrainingTests : DeploymentPageContext
{
    private static readonly DatasetInfo Cancer = new("cancer", 1, 569, 31, DateTimeOffset.UnixEpoch);

    public LaunchTrainingTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/experiments?", () => new Page<Experiment>([new(Guid.NewGuid(), "churn", null, "Active", "ana", DateTimeOffset.UnixEpoch)], null));
        Api.On(HttpMethod.Get, "/api/v1/datasets?", () => new Page<DatasetInfo>([Cancer], null));
        Api.On(HttpMethod.Get, "/api/v1/trainers", () => new[]
        {
            new TrainerInfo("LightGbm", [new("numberOfIterations", "Integer", "an integer between 1 and 10000", "100", "Boosting rounds.")]),
            new TrainerInfo("Linear", [new("l2Regularization", "Real", "a number of at least 0", null, "L2 penalty.")]),
        });
        Api.On(HttpMethod.Get, "/api/v1/workers?", () => new Page<WorkerInfo>([new("w", "cpu-box", 4, null, null, ["cpu"], null, true)], null));
    }

    [Fact]
    public void The_label_column_is_picked_from_the_dataset_versions_columns()
    {
        Api.On(HttpMethod.Get, "/api/v1/datasets/cancer/versions/1", () => JsonDocument.Parse("""{"name":"cancer","profile":{"columns":[{"name":"radius"},{"name":"benign"}]}}""").RootElement);
        var page = RenderAs<LaunchTraining>("DataScientist");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#train-dataset")));
        Pick(page, "train-dataset", "cancer v1");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#train-label")));
        Open(page, "train-label");

        page.WaitForAssertion(() => Assert.Equal(["radius", "benign"], page.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())));
    }

    [Fact]
    public void A_dataset_version_not_ready_yet_says_so_and_launch_waits()
    {
        Api.On(HttpMethod.Get, "/api/v1/datasets/cancer/versions/1", () => JsonDocument.Parse("""{"name":"cancer","status":"profiling","profile":null}""").RootElement);
        var page = RenderAs<LaunchTraining>("DataScientist");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#train-dataset")));
        Pick(page, "train-dataset", "cancer v1");

        page.WaitForAssertion(() => Assert.Contains("not ready yet (profiling)", page.Find("[data-testid=dataset-not-ready]").TextContent));
        Assert.True(page.FindAll("button").Single(b => b.TextContent.Trim() == "Launch").HasAttribute("disabled"));
    }

    [Fact]
    public void The_hyperparameters_start_at_the_trainers_defaults_and_gpu_is_not_offered_without_a_gpu_worker()
    {
        var page = RenderAs<LaunchTraining>("DataScientist");

        page.WaitForAssertion(() => Assert.Equal("100", page.Find("#hp-numberOfIterations").GetAttribute("value")));
        Assert.Empty(page.FindAll("#train-hardware"));
        Assert.Single(page.FindAll("[data-testid=cpu-only]"));
    }

    [Fact]
    public void A_gpu_worker_online_offers_the_gpu()
    {
        Api.On(HttpMethod.Get, "/api/v1/workers?", () => new Page<WorkerInfo>([new("g", "gpu-box", 16, "H100", 80L << 30, ["cpu", "gpu"], null, true)], null));

        var page = RenderAs<LaunchTraining>("DataScientist");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#train-hardware")));
    }

    [Fact]
    public void A_refused_launch_stays_on_the_form()
    {
        Api.On(HttpMethod.Get, "/api/v1/datasets/cancer/versions/1", () => JsonDocument.Parse("""{"name":"cancer","profile":{"columns":[{"name":"benign"}]}}""").RootElement);
        Api.On(HttpMethod.Post, "/api/v1/experiments/", () => new { id = Guid.NewGuid(), experimentId = Guid.NewGuid() }, HttpStatusCode.Created);
        Api.On(HttpMethod.Post, "/api/v1/jobs", () => new { title = "Invalid request", detail = "Fix", errors = new Dictionary<string, string[]> { ["parameters.labelColumn"] = ["is not a column"] } },
            HttpStatusCode.BadRequest);
        var page = RenderAs<LaunchTraining>("DataScientist");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#train-experiment")));
        Pick(page, "train-experiment", "churn");
        Pick(page, "train-dataset", "cancer v1");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#train-label")));
        Pick(page, "train-label", "benign");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("parameters.labelColumn is not a column", page.Find("[data-testid=inline-error]").TextContent));
    }

    private static void Open(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId) =>
        page.FindAll(".mud-input-control.mud-select").First(s => s.QuerySelector($"#{inputId}") is not null).MouseDown();

    private static void Pick(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId, string option)
    {
        Open(page, inputId);
        page.WaitForAssertion(() => page.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains(option)).Click());
    }
}
