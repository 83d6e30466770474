using Platform.Contracts.Api;
using Platform.Serving.State;

namespace Platform.Serving.ControlPlane;

/// <summary>
/// Turns the control plane's <see cref="ServingDesiredState"/> into the host's <see cref="DesiredServingState"/>: an
/// endpoint per deployment (named <c>{workspace}/{name}</c> outside the default workspace), versions named "1", "2"…
/// on their cached files, policies and key hashes carried along, and the canary of a revision this host rolled back
/// kept at weight 0.
/// </summary>
internal static class ControlPlaneStateMapper
{
    public static DesiredServingState Map(ServingDesiredState desired, Func<ServingEndpointState, ServingVersionState, string> modelPath, CanaryRollbacks rollbacks)
    {
        var endpoints = desired.Endpoints.Select(e =>
        {
            var name = ServingControlPlaneApi.EndpointName(e.Workspace, e.Name);
            var spec = new EndpointSpec
            {
                Name = name,
                Revision = e.Revision,
                Canary = e.Canary,
                Drift = e.Drift,
                InferenceKeyHashes = [.. e.InferenceKeyHashes],
                Versions =
                [
                    .. e.Versions.Select(v => new VersionSpec
                    {
                        Version = v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ModelPath = modelPath(e, v),
                        Weight = v.Weight,
                        IsCanary = v.IsCanary,
                        Baseline = [.. v.Baseline],
                    }),
                ],
            };
            return rollbacks.Contains(name, e.Revision) ? WithoutCanary(spec) : spec;
        });
        return new DesiredServingState { Endpoints = [.. endpoints] };
    }

    /// <summary>The endpoint with its canary at weight 0 (still loaded, reachable by version); stable versions left with no weight get 1 each.</summary>
    public static EndpointSpec WithoutCanary(EndpointSpec endpoint)
    {
        var stableWeight = endpoint.Versions.Where(v => !v.IsCanary).Sum(v => (long)Math.Max(0, v.Weight));
        return endpoint with
        {
            Versions = [.. endpoint.Versions.Select(v => v.IsCanary ? v with { Weight = 0 } : stableWeight > 0 ? v : v with { Weight = 1 })],
        };
    }

    /// <summary>A text that is equal for two states exactly when they serve the same thing (records hold arrays, which compare by reference).</summary>
    public static string Fingerprint(DesiredServingState state) => System.Text.Json.JsonSerializer.Serialize(state);
}
