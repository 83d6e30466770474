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
        admin.MapGet("/state", (IServingState state) => TypedResults.Ok(ServedStates.Of(state)))
            .WithSummary("The served state and the previous one (header X-Serving-Admin-Key).");
        admin.MapPut("/state", async (DesiredServingState desired, IServingState state, CancellationToken cancellationToken) =>
        {
            try
            {
                await state.ApplyAsync(desired, cancellationToken);
                return Results.Ok(ServedStates.Of(state));
            }
            catch (InvalidDesiredStateException ex)
            {
                return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), ex.Message, type: "urn:platform:problem:validation");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                return ServingProblems.Problem(StatusCodes.Status422UnprocessableEntity, "model-load-failed", "Model load failed", $"Nothing changed: {ex.Message}");
            }
        }).Produces<ServedStates>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Replaces the whole served state, checked first (400 naming each field; the served one stays); X-Serving-Admin-Key.");
        admin.MapPost("/rollback", async (IServingState state, CancellationToken cancellationToken) => await state.RollbackAsync(cancellationToken)
            ? Results.Ok(ServedStates.Of(state))
            : ServingProblems.Problem(StatusCodes.Status409Conflict, "conflict", "Conflict", "There is no previous state to roll back to."))
            .Produces<ServedStates>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Returns to the state before the last change; X-Serving-Admin-Key.");
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
