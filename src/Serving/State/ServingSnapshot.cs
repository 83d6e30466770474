using Platform.Serving.Models;
using Platform.Serving.Routing;

namespace Platform.Serving.State;

/// <summary>One applied desired state: its endpoints by name and the models it holds a lease on. Immutable; swapped whole.</summary>
public sealed class ServingSnapshot
{
    public static readonly ServingSnapshot Empty = new(new DesiredServingState(), new Dictionary<string, ServedEndpoint>(StringComparer.Ordinal));

    public ServingSnapshot(DesiredServingState desired, IReadOnlyDictionary<string, ServedEndpoint> endpoints)
    {
        Desired = desired;
        Endpoints = endpoints;
    }

    public DesiredServingState Desired { get; }

    public IReadOnlyDictionary<string, ServedEndpoint> Endpoints { get; }

    public IEnumerable<LoadedModel> Models => Endpoints.Values.SelectMany(e => e.Versions).Select(v => v.Model);

    /// <summary>The loaded model for (endpoint, version) when it was loaded from <paramref name="modelPath"/>.</summary>
    public LoadedModel? Find(string endpoint, string version, string modelPath)
    {
        var spec = Desired.Endpoints.FirstOrDefault(e => e.Name == endpoint)?.Versions.FirstOrDefault(v => v.Version == version);
        return spec is not null && spec.ModelPath == modelPath && Endpoints.TryGetValue(endpoint, out var served) ? served.Find(version) : null;
    }
}
