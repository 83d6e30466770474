using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
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
        v2.MapPost("/models/{name}/infer", context => InferAsync(context, EndpointRoute.Name(context), null, services))
            .Describe<InferResponseDocument>(Shapes.Infer, "Runs the endpoint (a version chosen by its traffic weights) on Open Inference Protocol tensors.");
        v2.MapPost("/models/{name}/versions/{version}/infer", context => InferAsync(context, EndpointRoute.Name(context), Route(context, "version"), services))
            .Describe<InferResponseDocument>(Shapes.InferVersion, "Runs one version of the endpoint on Open Inference Protocol tensors.");
        v2.MapPost("/models/{name}/predict", context => PredictAsync(context, EndpointRoute.Name(context), null, services))
            .Describe<PredictResponseDocument>(Shapes.Predict, "Predicts for JSON records (feature name → value) with the endpoint's model.");
        v2.MapPost("/models/{name}/versions/{version}/predict", context => PredictAsync(context, EndpointRoute.Name(context), Route(context, "version"), services))
            .Describe<PredictResponseDocument>(Shapes.PredictVersion, "Predicts for JSON records with one version of the endpoint.");
    }

    /// <summary>
    /// What the OpenAPI document shows for an endpoint that reads its own body: the request and answer shapes, the
    /// route's parameters, the inference key (<c>Authorization: Bearer psk_…</c>) and the problems it answers.
    /// </summary>
    /// <param name="shape">A method with the endpoint's parameters and body as a minimal-API handler would have them: the
    /// document generator reads an endpoint's parameters and body from such a method (never called; the handler is a request
    /// delegate), and its last parameter is the body. No Accepts metadata: that would also make routing refuse a body sent
    /// without a JSON content type.</param>
    private static IEndpointConventionBuilder Describe<TResponse>(this IEndpointConventionBuilder endpoint, Delegate shape, string summary) => endpoint
        .WithMetadata(shape.Method)
        .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) => operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(shape.Method.GetParameters()[^1].ParameterType, null, cancellationToken) },
            },
        })
        .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TResponse), ["application/json"]))
        .WithMetadata(Problem(StatusCodes.Status400BadRequest), Problem(StatusCodes.Status401Unauthorized), Problem(StatusCodes.Status403Forbidden), Problem(StatusCodes.Status404NotFound))
        .WithSummary(summary + " Needs one of the endpoint's inference keys when it has any: Authorization: Bearer psk_….");

    /// <summary>The signatures of the four inference endpoints, for the OpenAPI document only.</summary>
    private static class Shapes
    {
        public static readonly Func<string, InferRequestDocument, InferResponseDocument> Infer = (name, request) => throw new NotSupportedException();
        public static readonly Func<string, string, InferRequestDocument, InferResponseDocument> InferVersion = (name, version, request) => throw new NotSupportedException();
        public static readonly Func<string, PredictRequestDocument, PredictResponseDocument> Predict = (name, request) => throw new NotSupportedException();
        public static readonly Func<string, string, PredictRequestDocument, PredictResponseDocument> PredictVersion = (name, version, request) => throw new NotSupportedException();
    }

    private static ProducesResponseTypeMetadata Problem(int status) =>
        new(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]);

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
            await ServingProblems.InvalidInput(new InvalidInputException(null, InvalidInputException.Malformed, JsonFault.Describe(ex))).ExecuteAsync(context);
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
