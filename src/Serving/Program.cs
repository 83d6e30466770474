using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Platform.MachineLearning.Evaluation;
using Platform.Serving;
using Platform.Serving.Telemetry;

if (args.Contains(OnnxRuntimeCheck.CommandArgument))
{
    return OnnxRuntimeCheck.RunCommand(Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformServing();
var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
builder.Services.AddOpenTelemetry()
    .ConfigureResource(r => r.AddService("platform-serving"))
    .WithMetrics(m =>
    {
        m.AddMeter(ServingMetrics.MeterName).AddAspNetCoreInstrumentation();
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
        }
    });

var app = builder.Build();
app.UseStatusCodePages();
app.MapPlatformServing();
await app.RunAsync();
return 0;

/// <summary>The serving host process. Exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
