using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.MachineLearning.Evaluation;
using Platform.Messaging;
using Platform.Workers;

if (args.Contains(OnnxRuntimeCheck.CommandArgument))
{
    return OnnxRuntimeCheck.RunCommand(Console.Out);
}

var builder = Host.CreateApplicationBuilder(args);
var worker = builder.Services.AddPlatformWorkers(builder.Configuration);
builder.Services.AddPlatformBus(builder.Configuration, worker);
var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
builder.Services.AddOpenTelemetry()
    .ConfigureResource(r => r.AddService("platform-worker"))
    .WithTracing(t =>
    {
        t.AddSource("MassTransit", "Platform.Workers");
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
        }
    });
await builder.Build().RunAsync();
return 0;
