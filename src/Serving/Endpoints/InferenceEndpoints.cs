using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Platform.Serving.Models;
using Platform.Serving.Protocol;
using Platform.Serving.Security;
using Platform.Serving.State;
using Platform.Serving.Telemetry;

namespace Platform.Serving.Endpoints;

/// <summary>
/// <c>POST /v2/models/{name}[/versions/{version}]/infer</c> (Open Inference Protocol) and <c>…/predict</c> (JSON records).
/// Each call first shows the endpoint's inference key (when it needs one). Responses are written straight to the response
/// pipe; every request is counted and timed for the version that ran it.
/// </summary>
internal static class InferenceEndpoints
{
    public static void MapInferenceEndpoints(this RouteGroupBuilder v2)
    {
        v2.MapPost("/models/{name}/infer", (HttpContext context, string name, IServingState state, ServingMetrics metrics, ILogger<LoadedModel> logger) =>
            InferAsync(context, name, null, state, metrics, logger));
        v2.MapPost("/models/{name}/versions/{version}/infer", (HttpContext context, string name, string version, IServingState state, ServingMetrics metrics, ILogger<LoadedModel> logger) =>
            InferAsync(context, name, version, state, metrics, logger));
        v2.MapPost("/models/{name}/predict", (HttpContext context, string name, IServingState state, ServingMetrics metrics, ILogger<LoadedModel> logger) =>
            PredictAsync(context, name, null, state, metrics, logger));
        v2.MapPost("/models/{name}/versions/{version}/predict", (HttpContext context, string name, string version, IServingState state, ServingMetrics metrics, ILogger<LoadedModel> logger) =>
            PredictAsync(context, name, version, state, metrics, logger));
    }

    private static async Task InferAsync(HttpContext context, string name, string? version, IServingState state, ServingMetrics metrics, ILogger logger)
    {
        if (Authorize(context, state, name) is { } denied)
        {
            await denied.ExecuteAsync(context);
            return;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            await ServingProblems.InvalidInput(new InvalidInputException(null, InvalidInputException.Malformed, $"The body is not valid JSON: {ex.Message}")).ExecuteAsync(context);
            return;
        }

        using (document)
        {
            await ServeAsync(context, name, version, state, metrics, logger, document.RootElement, static async (context, model, root) =>
            {
                var request = InferRequestReader.Read(root, model.Schema);
                var outputs = await model.InferAsync(request.Inputs);
                context.Response.ContentType = "application/json";
                JsonOutput.Write(context.Response.BodyWriter, (model, request, outputs), static (w, s) => InferResponseWriter.Write(w, s.model, s.request, s.outputs));
            });
        }
    }

    private static async Task PredictAsync(HttpContext context, string name, string? version, IServingState state, ServingMetrics metrics, ILogger logger)
    {
        if (Authorize(context, state, name) is { } denied)
        {
            await denied.ExecuteAsync(context);
            return;
        }

        var reader = context.Request.BodyReader;
        var body = await RequestBody.ReadAllAsync(reader, context.RequestAborted);
        try
        {
            await ServeAsync(context, name, version, state, metrics, logger, body, static async (context, model, body) =>
            {
                var input = model.RecordsReader.Read(body);
                var outputs = await model.InferAsync([input]);
                context.Response.ContentType = "application/json";
                JsonOutput.Write(context.Response.BodyWriter, (model, outputs), static (w, s) => PredictionWriter.Write(w, s.model.Endpoint, s.model.Version, s.model.Schema, s.outputs));
            });
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    /// <summary>The endpoint's key check, before the body is read (an endpoint not served here is answered 404 later).</summary>
    private static IResult? Authorize(HttpContext context, IServingState state, string name) =>
        state.Current.Endpoints.TryGetValue(name, out var endpoint) ? InferenceAuthorization.Check(context.Request, endpoint.Keys) : null;

    /// <summary>Leases a version, runs <paramref name="handle"/>, turns faults into problem details, and records the outcome.</summary>
    private static async Task ServeAsync<TBody>(
        HttpContext context, string name, string? version, IServingState state, ServingMetrics metrics, ILogger logger, TBody body,
        Func<HttpContext, LoadedModel, TBody, Task> handle)
    {
        var started = Stopwatch.GetTimestamp();
        var model = ModelLease.TryTake(state, name, version, out var found);
        if (model is null)
        {
            await (found ? ServingProblems.Unavailable(name) : ServingProblems.ModelNotFound(name, version)).ExecuteAsync(context);
            return;
        }

        try
        {
            await handle(context, model, body);
            metrics.Served(model.Endpoint, model.Version, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (InvalidInputException ex)
        {
            metrics.Failed(model.Endpoint, model.Version, ServingMetrics.InvalidInput, Stopwatch.GetElapsedTime(started).TotalSeconds);
            await ServingProblems.InvalidInput(ex).ExecuteAsync(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Failed(model.Endpoint, model.Version, ServingMetrics.InferenceFailed, Stopwatch.GetElapsedTime(started).TotalSeconds);
            logger.LogError(ex, "{Endpoint} version {Version} failed a request", model.Endpoint, model.Version);
            await ServingProblems.InferenceFailed(model.Endpoint, model.Version).ExecuteAsync(context);
        }
        finally
        {
            model.Release();
        }
    }
}
