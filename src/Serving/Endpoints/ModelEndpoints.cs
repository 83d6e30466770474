using Platform.Serving.Models;
using Platform.Serving.Protocol;
using Platform.Serving.Routing;
using Platform.Serving.State;

namespace Platform.Serving.Endpoints;

/// <summary>Health, server metadata, model metadata and model readiness (Open Inference Protocol).</summary>
internal static class ModelEndpoints
{
    public static void MapModelEndpoints(this RouteGroupBuilder v2)
    {
        v2.MapGet("/", () => TypedResults.Ok(new ServerMetadataDocument("platform-serving", typeof(ModelEndpoints).Assembly.GetName().Version?.ToString(), [])))
            .WithSummary("The serving server's name and version (Open Inference Protocol server metadata).");
        v2.MapGet("/health/live", () => TypedResults.Ok(new LivenessDocument(true))).WithSummary("Answers while the server runs.");
        v2.MapGet("/health/ready", (IServingState state) => state.IsReady
            ? Results.Ok(new ReadinessDocument(true))
            : Results.Json(new ReadinessDocument(false), statusCode: StatusCodes.Status503ServiceUnavailable))
            .Produces<ReadinessDocument>().Produces<ReadinessDocument>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("200 once the configured state (or the control plane's first) is loaded, 503 before.");

        v2.MapGet("/models/{name}", (string name, HttpContext context, IServingState state) => Metadata(state, EndpointRoute.Name(context, name), null))
            .WithSummary("A served model's metadata: versions, input and output tensors (datatype, shape), features and classes.");
        v2.MapGet("/models/{name}/versions/{version}", (string name, string version, HttpContext context, IServingState state) => Metadata(state, EndpointRoute.Name(context, name), version))
            .WithSummary("One served version's metadata.");
        v2.MapGet("/models/{name}/ready", (string name, HttpContext context, IServingState state) => Ready(state, EndpointRoute.Name(context, name), null))
            .WithSummary("200 when the model is served, 404 otherwise.");
        v2.MapGet("/models/{name}/versions/{version}/ready", (string name, string version, HttpContext context, IServingState state) => Ready(state, EndpointRoute.Name(context, name), version))
            .WithSummary("200 when the version is served, 404 otherwise.");
    }

    private static IResult Metadata(IServingState state, string name, string? version)
    {
        if (!state.Current.Endpoints.TryGetValue(name, out var endpoint))
        {
            return ServingProblems.ModelNotFound(name, version);
        }

        var model = version is null ? endpoint.Primary : endpoint.Find(version);
        return model is null ? ServingProblems.ModelNotFound(name, version) : TypedResults.Ok(Describe(endpoint, model, version));
    }

    private static IResult Ready(IServingState state, string name, string? version) =>
        state.Current.Endpoints.TryGetValue(name, out var endpoint) && (version is null || endpoint.Find(version) is not null)
            ? Results.Ok(new { name, ready = true })
            : ServingProblems.ModelNotFound(name, version);

    private static ModelMetadataResponse Describe(ServedEndpoint endpoint, LoadedModel model, string? version)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["execution_provider"] = model.Provider.Used,
            ["micro_batching"] = model.Schema.IsBatchable,
            ["weights"] = endpoint.Versions.ToDictionary(v => v.Model.Version, v => v.Weight),
        };
        if (model.Provider.FallbackReason is { } fallback)
        {
            parameters["execution_provider_fallback"] = fallback;
        }

        if (model.Schema.Platform is { } platform)
        {
            parameters["task"] = platform.Task.ToString();
            parameters["feature_names"] = platform.FeatureNames;
            if (platform.CategoricalFeatureNames.Count > 0)
            {
                parameters["categorical_feature_names"] = platform.CategoricalFeatureNames;
            }

            parameters["classes"] = platform.Classes;
        }

        return new ModelMetadataResponse(
            endpoint.Name,
            version is null ? [.. endpoint.Versions.Select(v => v.Model.Version)] : [version],
            "onnxruntime_onnx",
            [.. model.Schema.Inputs.Select(Tensor)],
            [.. model.Schema.Outputs.Select(Tensor)],
            parameters);
    }

    private static TensorMetadata Tensor(TensorSpec spec) => new(spec.Name, spec.Datatype.ToWire(), spec.Shape);
}
