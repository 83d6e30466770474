using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

/// <summary>
/// Declares in the OpenAPI document the body an endpoint reads itself as a stream (an artefact, a dataset file), so a
/// generated client can send it. Only the description: unlike <c>Accepts</c>, it adds no content-type constraint to routing.
/// </summary>
internal static class RawRequestBody
{
    public static RouteHandlerBuilder DescribesRawBody(this RouteHandlerBuilder endpoint, params string[] mediaTypes) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = mediaTypes.ToDictionary(
                    m => m, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            };
            return Task.CompletedTask;
        });
}
