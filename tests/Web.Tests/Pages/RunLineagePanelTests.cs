using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests.Pages;

public sealed class RunLineagePanelTests : PortalTestContext
{
    [Fact]
    public void An_evaluate_job_reads_as_an_evaluate_job_and_a_registered_version_links_to_its_page()
    {
        var job = new RunJob(Guid.NewGuid(), "Evaluate", "Succeeded", """{"dataset":"cancer","datasetVersion":2}""", "ana", DateTimeOffset.UnixEpoch);

        var panel = Render<RunLineagePanel>(p => p.Add(x => x.Job, job).Add(x => x.Registered, [new RunModelVersion("cancer model", 3, "Staging", DateTimeOffset.UnixEpoch)]));

        Assert.Contains("an Evaluate job", panel.Find("[data-testid=lineage-job]").TextContent);
        Assert.Equal("Dataset version: cancer v2", panel.Find("[data-testid=lineage-dataset]").TextContent);
        Assert.Equal("/models/cancer%20model/versions/3", panel.Find("[data-testid=lineage-version] a").GetAttribute("href"));
    }

    [Fact]
    public void A_train_job_reads_as_a_train_job()
    {
        var job = new RunJob(Guid.NewGuid(), "Train", "Running", "{}", "ana", DateTimeOffset.UnixEpoch);

        var panel = Render<RunLineagePanel>(p => p.Add(x => x.Job, job).Add(x => x.Registered, Array.Empty<RunModelVersion>()));

        Assert.Contains("a Train job", panel.Find("[data-testid=lineage-job]").TextContent);
        Assert.Single(panel.FindAll("[data-testid=lineage-none]"));
    }
}
