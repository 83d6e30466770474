using Platform.Serving;
using Platform.Serving.Models;
using Platform.Serving.Protocol;
using Platform.Serving.State;

namespace Platform.Benchmarks;

/// <summary>
/// The serving host on Kestrel (loopback, same composition as the Serving process) serving one model as endpoint
/// "cancer", plus <c>POST /bench/echo</c>: reads and parses the body as <c>/predict</c> does and writes a prediction of
/// the same size from a fixed answer, without inference. The endpoint needs inference key <see cref="InferenceKey"/>
/// (configured as its SHA-256 in <c>Serving:InferenceKeyHashes</c>), so that the served side pays for the key check.
/// </summary>
internal sealed class ServingBenchServer : IAsyncDisposable
{
    public const string InferenceKey = "psk_benchmark-inference-key";
    private readonly WebApplication _app;

    private ServingBenchServer(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    /// <summary>The execution provider the served model's session runs on, as the serving host reports it.</summary>
    public string ExecutionProvider => _app.Services.GetRequiredService<IServingState>().Current.Endpoints["cancer"].Versions[0].Model.Provider.Used;

    public long Runs => _app.Services.GetRequiredService<IServingState>().Current.Endpoints["cancer"].Versions[0].Model.RunCount;

    public static async Task<ServingBenchServer> StartAsync(string modelPath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Serving:InferenceKeyHashes:0"] = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(InferenceKey)));
        builder.AddPlatformServing();
        var app = builder.Build();
        app.MapPlatformServing();
        var state = app.Services.GetRequiredService<IServingState>();
        app.MapPost("/bench/echo", async (HttpContext context) =>
        {
            var model = state.Current.Endpoints["cancer"].Versions[0].Model;
            var reader = context.Request.BodyReader;
            var body = await RequestBody.ReadAllAsync(reader, context.RequestAborted);
            var input = model.RecordsReader.Read(body);
            reader.AdvanceTo(body.End);
            NamedTensor[] answer =
            [
                new("label", TensorDatatype.Int64, [input.Rows], new long[input.Rows]),
                new("probabilities", TensorDatatype.Fp32, [input.Rows, 2], Enumerable.Repeat(0.123456789f, input.Rows * 2).ToArray()),
            ];
            context.Response.ContentType = "application/json";
            var writer = new System.Text.Json.Utf8JsonWriter(context.Response.BodyWriter);
            await using (writer)
            {
                PredictionWriter.Write(writer, model.Endpoint, model.Version, model.Schema, answer);
            }
        });
        await app.StartAsync();
        await state.ApplyAsync(
            new DesiredServingState { Endpoints = [new EndpointSpec { Name = "cancer", Versions = [new VersionSpec { Version = "1", ModelPath = modelPath }] }] },
            CancellationToken.None);
        return new ServingBenchServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
