using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Fleet;

/// <summary>
/// The real edge agent, a child process, as a federated site of the embedded host: configured with a local CSV, it
/// offers it by summary, is admitted by its consent label, and trains each round of a federation until the federation
/// leaves its model on its run; the CSV stays on the device.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class FederatedAgentTests(JobHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task The_agent_offers_its_local_csv_by_summary_and_trains_every_round_of_a_federation_that_admits_it_by_label()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var operatorUser = await host.UserAsync("Operator");
        var site = "fed-" + Guid.NewGuid().ToString("N")[..6];
        var state = Path.Combine(Path.GetTempPath(), "platform-edge-data", site);
        Directory.CreateDirectory(state);
        var csv = Path.Combine(state, "local.csv");
        var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "digits.csv"));
        await File.WriteAllLinesAsync(csv, lines.Take(401));
        var token = await operatorUser.Client.PostAsJsonAsync("/api/v1/fleet/enrolment-tokens", new { name = "federated site", labels = new Dictionary<string, string> { ["site"] = site, ["federated-learning"] = "allowed" } })
            .ExpectAsync(201, "enrolment token");
        await using var agent = EdgeAgentProcess.Start(host.BaseAddress, token["secret"]!.GetValue<string>(), "gw-" + site, new Dictionary<string, string>(), new Dictionary<string, string>
        {
            ["Edge__Federated__Datasets__0__Name"] = "digits", ["Edge__Federated__Datasets__0__Path"] = csv, ["Edge__Federated__Datasets__0__LabelColumn"] = "digit",
        });
        var experiment = await scientist.Client.PostAsJsonAsync("/api/v1/experiments", new { name = "federated-" + site }).ExpectAsync(201, "experiment");
        var federation = await scientist.Client.PostAsJsonAsync("/api/v1/federations", new
        {
            experimentId = experiment["id"]!.GetValue<string>(), name = "agent-site",
            plan = new { dataset = "digits", labelColumn = "digit", selector = $"site={site}", rounds = 2, sampling = new { fraction = 1.0, minSites = 1 }, quorum = 1, admission = "Labels" },
        }).ExpectAsync(201, "federation");

        var done = await WaitAsync(scientist.Client, $"/api/v1/federations/{federation["id"]}", f => f["state"]!.GetValue<string>() is not ("Waiting" or "Running"), agent);

        Assert.Equal(("Completed", 2), (done["state"]!.GetValue<string>(), done["completedRounds"]!.GetValue<int>()));
        var run = done["runId"]!.GetValue<string>();
        var sites = await scientist.Client.GetAsync($"/api/v1/runs/{run}/metrics/history?key=federated.sites").ExpectAsync(200, "site counts");
        Assert.Equal([1.0, 1.0], sites["items"]!.AsArray().Select(p => p!["value"]!.GetValue<double>()));
        var model = await scientist.Client.GetAsync($"/api/v1/runs/{run}/artifacts/model.onnx");
        Assert.True(model.IsSuccessStatusCode, $"the run's model.onnx answered {(int)model.StatusCode}");
        Assert.Contains("Offered 1 local dataset(s) for federated training", agent.Output);
        Directory.Delete(state, recursive: true);
    }

    private static async Task<JsonNode> WaitAsync(HttpClient client, string path, Func<JsonNode, bool> done, EdgeAgentProcess agent)
    {
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var body = await client.GetAsync(path).ExpectAsync(200, "the federation");
            if (done(body))
            {
                return body;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"the federation did not end within {Deadline.TotalSeconds} s; last {body.ToJsonString()}\nagent:\n{agent.Output}");
            await Task.Delay(500);
        }
    }
}
