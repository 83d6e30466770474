using System.Text.Json;
using Platform.Serving.Models;
using Platform.Serving.Protocol;
using Platform.Serving.Security;

namespace Platform.Serving.Endpoints;

/// <summary>
/// <c>POST /v2/models/{name}[/versions/{version}]/infer</c> (Open Inference Protocol) and <c>…/predict</c> (JSON records).
/// Each call first shows the endpoint's inference key (when it needs one). Responses are written straight to the response
/// pipe; every request is counted and timed for the version that ran it, and its rows offered to the version's sample.
/// </summary>
internal static class InferenceEndpoints
{
    public static void MapInferenceEndpoints(this RouteGroupBuilder v2)
    {
        // Resolved once here rather than per request (a minimal-API service parameter makes each request open a DI scope);
        // plain request delegates, so that nothing binds parameters per request.
        var services = ((IEndpointRouteBuilder)v2).ServiceProvider.GetRequiredService<InferenceServices>();
        v2.MapPost("/models/{name}/infer", context => InferAsync(context, Route(context, "name")!, null, services));
        v2.MapPost("/models/{name}/versions/{version}/infer", context => InferAsync(context, Route(context, "name")!, Route(context, "version"), services));
        v2.MapPost("/models/{name}/predict", context => PredictAsync(context, Route(context, "name")!, null, services));
        v2.MapPost("/models/{name}/versions/{version}/predict", context => PredictAsync(context, Route(context, "name")!, Route(context, "version"), services));
    }

    private static string? Route(HttpContext context, string key) => context.Request.RouteValues[key] as string;

    private static async Task InferAsync(HttpContext context, string name, string? version, InferenceServices services)
    {
        if (Authorize(context, services, name) is { } denied)
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
            await InferenceServing.ServeAsync(context, name, version, services, document.RootElement, static async (context, model, root) =>
            {
                var request = InferRequestReader.Read(root, model.Schema);
                var outputs = await model.InferAsync(request.Inputs);
                if (request.Inputs.Length == 1)
                {
                    model.Monitor.Offer(request.Inputs[0], outputs);
                }

                context.Response.ContentType = "application/json";
                JsonOutput.Write(context.Response.BodyWriter, (model, request, outputs), static (w, s) => InferResponseWriter.Write(w, s.model, s.request, s.outputs));
            });
        }
    }

    private static async Task PredictAsync(HttpContext context, string name, string? version, InferenceServices services)
    {
        if (Authorize(context, services, name) is { } denied)
        {
            await denied.ExecuteAsync(context);
            return;
        }

        var reader = context.Request.BodyReader;
        var body = await RequestBody.ReadAllAsync(reader, context.RequestAborted);
        try
        {
            await InferenceServing.ServeAsync(context, name, version, services, body, static async (context, model, body) =>
            {
                var inputs = model.RecordsReader.ReadInputs(body);
                var outputs = await model.InferAsync(inputs);
                if (Array.Find(inputs, i => i.Datatype == TensorDatatype.Fp32) is { } numeric)
                {
                    model.Monitor.Offer(numeric, outputs);
                }

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
    private static IResult? Authorize(HttpContext context, InferenceServices services, string name) =>
        services.State.Current.Endpoints.TryGetValue(name, out var endpoint) ? InferenceAuthorization.Check(context.Request, endpoint.Keys) : null;
}
