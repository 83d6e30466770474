using Platform.Serving.Models;
using Platform.Serving.Routing;
using Platform.Serving.State;

namespace Platform.Serving.Endpoints;

/// <summary>
/// Picks the version that answers a request (the named one, or a weighted choice) and takes a lease on it. A version
/// that was swapped out and drained between reading the state and leasing is skipped by reading the state again.
/// </summary>
internal static class ModelLease
{
    private const int Attempts = 8;

    /// <summary>The leased model, or <c>null</c> with <paramref name="found"/> telling 404 (<c>false</c>) from a swap race (<c>true</c>).</summary>
    public static LoadedModel? TryTake(IServingState state, string name, string? version, out bool found, out ServedEndpoint? endpoint)
    {
        found = false;
        endpoint = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (!state.Current.Endpoints.TryGetValue(name, out endpoint))
            {
                return null;
            }

            var model = version is null ? endpoint.Pick() : endpoint.Find(version);
            if (model is null)
            {
                return null;
            }

            found = true;
            if (model.TryAcquire())
            {
                return model;
            }
        }

        return null;
    }

    /// <summary>A leased version of the endpoint that is not its canary; <c>null</c> when there is none.</summary>
    public static LoadedModel? TryTakeStable(IServingState state, string name)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (!state.Current.Endpoints.TryGetValue(name, out var endpoint) || endpoint.PickStable() is not { } model)
            {
                return null;
            }

            if (model.TryAcquire())
            {
                return model;
            }
        }

        return null;
    }
}
