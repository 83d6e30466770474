using System.Net;
using Microsoft.Data.Sqlite;
using Platform.Api.Tests.Support;
using Platform.Contracts.Fleet;

namespace Platform.Api.Tests.Fleet;

/// <summary>Device reports, written in batches (group commit): each one kept once saved, repeats and late ones ignored, a full queue answered 429.</summary>
public sealed class DeviceReportTests
{
    [Fact]
    public async Task Reports_of_many_devices_at_once_are_each_kept_and_a_late_one_changes_nothing()
    {
        await using var factory = new ApiFactory();
        using var admin = await factory.AdminAsync();
        var devices = new List<(TestDevice Device, HttpClient Client)>();
        for (var i = 0; i < 12; i++)
        {
            var device = factory.NewDevice();
            await device.EnrolledAsync(await admin.EnrolmentTokenAsync(), $"reporter-{i}");
            devices.Add((device, await device.ClientAsync()));
        }

        var answers = await Task.WhenAll(devices.Select((d, i) => d.Client.PostJsonAsync(FleetApi.Report, Report(2, serving: i + 1))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        await (await devices[0].Client.PostJsonAsync(FleetApi.Report, Report(1, serving: 99))).ExpectAsync(202);

        for (var i = 0; i < devices.Count; i++)
        {
            var seen = await (await admin.GetAsync($"/api/v1/fleet/devices/{devices[i].Device.Id}")).ExpectAsync(200);
            Assert.Equal("Active", seen.Text("state"));
            Assert.Equal(i + 1, seen["models"]![0]!["servingVersion"]!.GetValue<int>());
        }

        devices.ForEach(d => d.Client.Dispose());
        devices.ForEach(d => d.Device.Dispose());
    }

    [Fact]
    public async Task A_report_that_says_what_the_last_said_is_not_written_and_a_null_or_repeated_model_gets_400()
    {
        await using var factory = new ApiFactory();
        using var admin = await factory.AdminAsync();
        using var device = factory.NewDevice();
        await device.EnrolledAsync(await admin.EnrolmentTokenAsync(), "quiet");
        using var client = await device.ClientAsync();
        await (await client.PostJsonAsync(FleetApi.Report, Report(1, serving: 4))).ExpectAsync(202);
        var first = (await (await admin.GetAsync($"/api/v1/fleet/devices/{device.Id}")).ExpectAsync(200)).Text("lastSeenAt");

        await Task.Delay(50);
        await (await client.PostJsonAsync(FleetApi.Report, Report(2, serving: 4))).ExpectAsync(202);
        Assert.Equal(first, (await (await admin.GetAsync($"/api/v1/fleet/devices/{device.Id}")).ExpectAsync(200)).Text("lastSeenAt"));
        await (await client.PostJsonAsync(FleetApi.Report, Report(3, serving: 5))).ExpectAsync(202);
        var changed = await (await admin.GetAsync($"/api/v1/fleet/devices/{device.Id}")).ExpectAsync(200);
        Assert.NotEqual(first, changed.Text("lastSeenAt"));
        Assert.Equal(5, changed["models"]![0]!["servingVersion"]!.GetValue<int>());

        var nulls = await (await client.PostJsonAsync(FleetApi.Report, new { sequence = 4, models = new object?[] { null } })).ExpectAsync(400);
        Assert.Contains("models[0]", nulls["errors"]!.AsObject().Select(e => e.Key));
        var twice = Report(5, serving: 5).Models![0];
        var repeated = await (await client.PostJsonAsync(FleetApi.Report, new DeviceReport(5, null, [twice, twice with { Name = "Reported-Model" }]))).ExpectAsync(400);
        Assert.Contains("models", repeated["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_full_report_queue_is_answered_429_with_retry_after_and_what_it_took_is_kept()
    {
        await using var factory = new ApiFactory().With("Fleet:ReportQueueLength", "1").With("Fleet:MaxReportsPerBatch", "1");
        using var admin = await factory.AdminAsync();
        var devices = new List<(TestDevice Device, HttpClient Client)>();
        for (var i = 0; i < 4; i++)
        {
            var device = factory.NewDevice();
            await device.EnrolledAsync(await admin.EnrolmentTokenAsync(), $"busy-{i}");
            devices.Add((device, await device.ClientAsync()));
        }

        // Another writer holds the database: the batch being written waits, one more report waits in the queue, the rest are refused.
        await using var blocker = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "platform.db")};Pooling=False");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var sent = devices.Select(d => d.Client.PostJsonAsync(FleetApi.Report, Report(1, serving: 3))).ToList();
        // While the database is held, at most one report is in the batch being written and one waits: the others are
        // refused (at least two of the four), and the database is let go only once they were.
        var pending = sent.ToList();
        var refused = new List<HttpResponseMessage>();
        while (refused.Count < devices.Count - 2)
        {
            var done = await Task.WhenAny(pending).WaitAsync(TimeSpan.FromSeconds(30));
            pending.Remove(done);
            refused.Add(await done);
        }

        var problem = await refused[0].ExpectAsync(429);
        Assert.Equal("urn:platform:problem:too-many-requests", problem.Text("type"));
        Assert.True(refused[0].Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        var answers = await Task.WhenAll(sent);
        // One taken, or two when the writer had already taken the first from the queue as the next arrived; never more.
        var taken = answers.Count(a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.InRange(taken, 1, 2);
        Assert.Equal(answers.Length - taken, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        for (var i = 0; i < devices.Count; i++)
        {
            var seen = await (await admin.GetAsync($"/api/v1/fleet/devices/{devices[i].Device.Id}")).ExpectAsync(200);
            Assert.Equal(answers[i].StatusCode == HttpStatusCode.Accepted ? 1 : 0, seen["models"]!.AsArray().Count);
        }

        devices.ForEach(d => d.Client.Dispose());
        devices.ForEach(d => d.Device.Dispose());
    }

    private static DeviceReport Report(long sequence, int serving) =>
        new(sequence, null, [new ReportedModel("reported-model", serving, serving, ModelOnDevice.Healthy, null, DateTimeOffset.UnixEpoch, 10, 0, 4.5)]);
}
