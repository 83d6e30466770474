using Platform.Application.Common.Exceptions;
using Platform.Application.Jobs.Commands.MarkWorkerStopped;
using Platform.Application.Jobs.Commands.RecordHeartbeat;
using Platform.Application.Jobs.Queries.ListWorkers;
using Platform.Application.Tests.Support;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Identity;

namespace Platform.Application.Tests.Jobs;

/// <summary>The workers list pages by name like every other list: no worker skipped or repeated across pages, an online filter.</summary>
public sealed class ListWorkersTests(ApplicationFixture app) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Pages_walk_every_worker_once_in_name_order_and_online_keeps_the_online_ones()
    {
        var names = Enumerable.Range(0, 7).Select(i => $"gpu-node-{i:D2}").ToList();
        foreach (var name in names)
        {
            await app.SendAsync(new RecordHeartbeatCommand(new WorkerHeartbeat(
                name + "-id", name, 8, 1L << 34, null, null, null, ["train"], ["cpu"], null, DateTimeOffset.UtcNow)), Role.System);
        }

        await app.SendAsync(new RecordHeartbeatCommand(new WorkerHeartbeat(
            "stopped-id", "gpu-node-99", 8, 1L << 34, null, null, null, ["train"], ["cpu"], null, DateTimeOffset.UtcNow)), Role.System);
        await app.SendAsync(new MarkWorkerStoppedCommand("stopped-id"), Role.System);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await app.SendAsync(new ListWorkersQuery(null, 3, cursor), Role.Viewer);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(w => w.Name));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var online = await app.SendAsync(new ListWorkersQuery(true, 50, null), Role.Viewer);
        Assert.Equal([.. names, "gpu-node-99"], seen);
        Assert.Equal(names, online.Items.Select(w => w.Name));
    }

    [Fact]
    public async Task A_limit_out_of_range_is_refused_naming_it()
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => app.SendAsync(new ListWorkersQuery(null, 501, null), Role.Viewer));

        Assert.Contains("Limit", error.Errors.Keys, StringComparer.OrdinalIgnoreCase);
    }
}
