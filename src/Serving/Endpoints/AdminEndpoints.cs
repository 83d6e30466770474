using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Serving.State;

namespace Platform.Serving.Endpoints;

/// <summary>
/// <c>/v2/admin/state</c> (GET, PUT) and <c>/v2/admin/rollback</c> (POST): read and replace the served state, or return
/// to the previous one; monitoring and fault injection (<see cref="MonitoringAdminEndpoints"/>). Every call needs header <see cref="KeyHeader"/> equal to <c>Serving:AdminKey</c>; with no key
/// configured the admin surface refuses everything.
/// </summary>
internal static class AdminEndpoints
{
    public const string KeyHeader = "X-Serving-Admin-Key";

    public static void MapAdminEndpoints(this RouteGroupBuilder v2)
    {
        var admin = v2.MapGroup("/admin").AddEndpointFilter(RequireKey);
        admin.MapGet("/state", (IServingState state) => TypedResults.Ok(new { current = state.Current.Desired, previous = state.Previous }));
        admin.MapPut("/state", async (DesiredServingState desired, IServingState state, CancellationToken cancellationToken) =>
        {
            try
            {
                await state.ApplyAsync(desired, cancellationToken);
                return Results.Ok(new { current = state.Current.Desired, previous = state.Previous });
            }
            catch (InvalidDesiredStateException ex)
            {
                return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), ex.Message, type: "urn:platform:problem:validation");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                return ServingProblems.Problem(StatusCodes.Status422UnprocessableEntity, "model-load-failed", "Model load failed", $"Nothing changed: {ex.Message}");
            }
        });
        admin.MapPost("/rollback", async (IServingState state, CancellationToken cancellationToken) => await state.RollbackAsync(cancellationToken)
            ? Results.Ok(new { current = state.Current.Desired, previous = state.Previous })
            : ServingProblems.Problem(StatusCodes.Status409Conflict, "conflict", "Conflict", "There is no previous state to roll back to."));
        admin.MapMonitoringAdminEndpoints();
    }

    private static async ValueTask<object?> RequireKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = context.HttpContext.RequestServices.GetRequiredService<IOptions<ServingOptions>>().Value.AdminKey;
        if (string.IsNullOrEmpty(configured))
        {
            return ServingProblems.Problem(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "The admin surface is off: set Serving:AdminKey to use it.");
        }

        var given = context.HttpContext.Request.Headers[KeyHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured))
            ? await next(context)
            : ServingProblems.Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "Unauthenticated", $"Send the admin key in the {KeyHeader} header.");
    }
}
