using Microsoft.Extensions.Options;
using Platform.Serving.Monitoring;

namespace Platform.Serving.Endpoints;

/// <summary>
/// <c>GET /v2/admin/monitoring</c>: each endpoint's last monitoring report and drift alert. <c>PUT /v2/admin/faults</c>
/// (<c>{endpoint, version, errorRate, addedLatencyMs}</c>) and <c>DELETE /v2/admin/faults</c>: inject or clear faults for
/// drills, only when <c>Serving:AllowFaultInjection</c> is true (403 otherwise). All behind the admin key.
/// </summary>
internal static class MonitoringAdminEndpoints
{
    public static void MapMonitoringAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/monitoring", (MonitoringStore store) => TypedResults.Ok(store.Latest))
            .WithSummary("Each endpoint's last monitoring report (requests, errors, latency percentiles, drift per feature); X-Serving-Admin-Key.");
        admin.MapGet("/faults", (FaultInjector faults) => TypedResults.Ok(faults.Current.Select(f => new FaultRequest(f.Key.Endpoint, f.Key.Version, f.Value.ErrorRate, f.Value.AddedLatencyMs))))
            .WithSummary("The faults injected for drills; X-Serving-Admin-Key.");
        admin.MapPut("/faults", (FaultRequest request, FaultInjector faults, IOptions<ServingOptions> options) =>
        {
            if (!options.Value.AllowFaultInjection)
            {
                return Off;
            }

            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Endpoint))
            {
                errors["endpoint"] = ["The endpoint is required."];
            }

            if (string.IsNullOrWhiteSpace(request.Version))
            {
                errors["version"] = ["The version is required."];
            }

            if (!(request.ErrorRate is >= 0 and <= 1))
            {
                errors["errorRate"] = ["The error rate is between 0 and 1."];
            }

            if (request.AddedLatencyMs is < 0 or > 60_000)
            {
                errors["addedLatencyMs"] = ["The added latency is 0 to 60000 ms."];
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, "The fault is invalid.", type: "urn:platform:problem:validation");
            }

            faults.Set(request.Endpoint, request.Version, new InjectedFault(request.ErrorRate, request.AddedLatencyMs));
            return TypedResults.Ok(request);
        }).WithSummary("Makes a share of a version's requests fail after an added latency (drills; needs Serving:AllowFaultInjection); X-Serving-Admin-Key.");
        admin.MapDelete("/faults", (FaultInjector faults, IOptions<ServingOptions> options) =>
        {
            if (!options.Value.AllowFaultInjection)
            {
                return Off;
            }

            faults.Clear();
            return TypedResults.NoContent();
        }).WithSummary("Clears every injected fault; X-Serving-Admin-Key.");
    }

    private static IResult Off => ServingProblems.Problem(
        StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "Fault injection is off: set Serving:AllowFaultInjection to use it.");
}

/// <summary>A fault to inject: <paramref name="ErrorRate"/> (0 to 1) of the version's requests fail, each after <paramref name="AddedLatencyMs"/>.</summary>
internal sealed record FaultRequest(string Endpoint, string Version, double ErrorRate, int AddedLatencyMs);
