using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Observability;

public sealed class TracingFactory : ApiFactory
{
    public ConcurrentBag<Activity> Spans { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(new CollectingExporter(Spans)))));
    }

    private sealed class CollectingExporter(ConcurrentBag<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                spans.Add(activity);
            }

            return ExportResult.Success;
        }
    }
}

public sealed class TracingTests(TracingFactory factory) : IClassFixture<TracingFactory>
{
    [Fact]
    public async Task A_request_is_one_trace_with_its_database_commands_and_no_parameter_values()
    {
        using var client = await factory.UserAsync("DataScientist");
        var name = "traced-" + Guid.NewGuid().ToString("N")[..8];

        // Listeners are process-wide and other test classes run in parallel: the client picks the trace id.
        var traceId = ActivityTraceId.CreateRandom();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        await client.CreateExperimentAsync(name);

        var request = await ServerSpanAsync(traceId);
        Assert.Equal("POST /api/v1/experiments/", request.DisplayName);
        var commands = factory.Spans.Where(s => s.TraceId == request.TraceId && s.Source.Name == "Platform.Database").ToList();
        Assert.Contains(commands, c => (string?)c.GetTagItem("db.statement") is { } sql && sql.Contains("INSERT INTO \"Experiments\"", StringComparison.Ordinal));
        Assert.All(commands, c => Assert.Equal("sqlite", c.GetTagItem("db.system")));
        Assert.DoesNotContain(commands, c => ((string?)c.GetTagItem("db.statement"))!.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_download_links_path_is_its_credential_and_stays_out_of_the_trace()
    {
        using var client = factory.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        const string link = "pdl_not-a-real-link-but-shaped-like-one";

        await client.GetAsync($"/api/v1/downloads/{link}");

        var request = await ServerSpanAsync(traceId);
        Assert.Equal("/api/v1/downloads/{link}", request.GetTagItem("url.path"));
        Assert.DoesNotContain(request.TagObjects, t => t.Value?.ToString()?.Contains(link, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(link, request.DisplayName, StringComparison.Ordinal);
    }

    /// <summary>
    /// The request's server span: it is exported when the request's activity stops, which can come just after the client
    /// has read the response, so it is waited for (a generous limit, not a timing check).
    /// </summary>
    private async Task<Activity> ServerSpanAsync(ActivityTraceId traceId)
    {
        for (var i = 0; i < 100; i++)
        {
            if (factory.Spans.SingleOrDefault(s => s.Kind == ActivityKind.Server && s.TraceId == traceId) is { } span)
            {
                return span;
            }

            await Task.Delay(50);
        }

        return factory.Spans.Single(s => s.Kind == ActivityKind.Server && s.TraceId == traceId);
    }
}
