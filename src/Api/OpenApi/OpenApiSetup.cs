using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

internal static class OpenApiSetup
{
    /// <summary>The OpenAPI document at /openapi/v1.json, declaring bearer authentication (JWT or personal access token).</summary>
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());

    private sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "Platform API",
                Version = "v1",
                Description = "Experiment tracking, model registry and governance. Authenticate with a bearer token from "
                    + "POST /api/v1/auth/token or a personal access token (plat_…). Non-finite numbers are the strings "
                    + "\"NaN\", \"Infinity\" and \"-Infinity\".",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A JWT from /api/v1/auth/token, an external OpenID Connect token, or a personal access token.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
            return Task.CompletedTask;
        }
    }
}
