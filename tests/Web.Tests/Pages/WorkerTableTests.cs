using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests.Pages;

public sealed class WorkerTableTests : PortalTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static WorkerInfo Worker(string id, string name, bool online, TimeSpan ago) =>
        new(id, name, 8, null, null, ["cpu"], null, online, Now - ago);

    [Fact]
    public void Offline_workers_past_the_grace_period_are_hidden_until_asked_for()
    {
        IReadOnlyList<WorkerInfo> workers = [Worker("a", "alpha", true, TimeSpan.Zero), Worker("b", "beta", false, TimeSpan.FromMinutes(5)), Worker("c", "gamma", false, TimeSpan.FromHours(3))];

        var table = Render<WorkerTable>(p => p.Add(x => x.Workers, workers).Add(x => x.At, Now));

        Assert.Equal(2, table.FindAll("[data-testid=worker-row]").Count);
        Assert.Contains("Show offline workers (1)", table.Markup);
        table.FindAll("label").Single(l => l.TextContent.Contains("Show offline workers")).QuerySelector("input")!.Change(true);
        Assert.Equal(3, table.FindAll("[data-testid=worker-row]").Count);
    }

    [Fact]
    public void Workers_sharing_a_name_are_told_apart_by_their_id()
    {
        IReadOnlyList<WorkerInfo> workers = [Worker("host-1-0000aaaa", "gpu-box", true, TimeSpan.Zero), Worker("host-1-0000bbbb", "gpu-box", false, TimeSpan.FromMinutes(1)), Worker("x", "solo", true, TimeSpan.Zero)];

        var table = Render<WorkerTable>(p => p.Add(x => x.Workers, workers).Add(x => x.At, Now));

        var ids = table.FindAll("[data-testid=worker-id]").Select(e => e.TextContent).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains("0000aaaa", ids[0]);
        Assert.Contains("0000bbbb", ids[1]);
    }
}
