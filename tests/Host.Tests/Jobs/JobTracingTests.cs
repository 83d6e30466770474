using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Jobs;

/// <summary>One trace shows a job end to end: the submit request, the outbox, the bus, the worker, and its reports back.</summary>
[Collection(JobHostCollection.Name)]
public sealed class JobTracingTests(JobHost host) : IDisposable
{
    private readonly ConcurrentBag<Activity> _spans = [];
    private ActivityListener? _listener;

    [Fact]
    public async Task The_submit_request_and_the_workers_run_of_the_job_are_one_trace()
    {
        // Listeners are process-wide and other tests run alongside: the client picks the trace id and we keep only it.
        var traceId = ActivityTraceId.CreateRandom();
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == traceId)
                {
                    _spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        using var user = await host.UserAsync("DataScientist");
        string jobId;
        using (new Activity("test client").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            jobId = await user.Client.SubmitDiagnosticAsync(new { durationMs = 100, progressEvents = 2 });
        }

        await user.Client.WaitUntilEndedAsync(jobId);

        // The worker's progress travels back over the bus, and its end over HTTP, in the same trace.
        string[] expected = ["POST /api/v1/jobs", "outbox send RunJob", "jobs-diagnostic-cpu process", "job diagnostic", "job-progressed process", "/end"];
        await WaitForAsync(() => expected.All(name => _spans.Any(s => s.DisplayName.Contains(name, StringComparison.Ordinal))),
            () => $"spans of trace {traceId}: {string.Join(", ", _spans.Select(s => $"{s.Source.Name}/{s.DisplayName}"))}");

        var job = _spans.Single(s => s.DisplayName == "job diagnostic");
        Assert.Equal("Platform.Workers", job.Source.Name);
        Assert.Equal(jobId, job.GetTagItem("platform.job_id")?.ToString());

        // The worker's span descends from the submit request, through the outbox and the bus.
        var byId = _spans.ToDictionary(s => s.SpanId);
        var ancestors = new List<string>();
        for (var span = job; byId.TryGetValue(span.ParentSpanId, out var parent); span = parent)
        {
            ancestors.Add(parent.DisplayName);
        }

        Assert.Contains("outbox send RunJob", ancestors);
        Assert.Equal("test client", ancestors[^1]);
        Assert.Equal("POST /api/v1/jobs/", ancestors[^3]);
    }

    public void Dispose() => _listener?.Dispose();

    private static async Task WaitForAsync(Func<bool> condition, Func<string> failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail(failure());
            }

            await Task.Delay(20);
        }
    }
}
