using Platform.Serving.Models;

namespace Platform.Serving.Routing;

/// <summary>A model version on an endpoint with its traffic weight.</summary>
public sealed record ServedVersion(LoadedModel Model, int Weight);

/// <summary>An endpoint's versions and the weighted choice between them (immutable: a new state builds new endpoints).</summary>
public sealed class ServedEndpoint
{
    private readonly int[] _cumulative;
    private readonly int _total;

    public ServedEndpoint(string name, IReadOnlyList<ServedVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        Name = name;
        Versions = versions;
        _cumulative = new int[versions.Count];
        for (var i = 0; i < versions.Count; i++)
        {
            _total += versions[i].Weight;
            _cumulative[i] = _total;
        }
    }

    public string Name { get; }

    public IReadOnlyList<ServedVersion> Versions { get; }

    /// <summary>The versions' metadata view: the first one with traffic speaks for the endpoint.</summary>
    public LoadedModel Primary => Versions.FirstOrDefault(v => v.Weight > 0)?.Model ?? Versions[0].Model;

    /// <summary>A version chosen with probability weight / total weight.</summary>
    public LoadedModel Pick() => Pick(Random.Shared.Next(_total));

    /// <summary>The version whose cumulative weight range holds <paramref name="ticket"/> (0 ≤ ticket &lt; total weight).</summary>
    public LoadedModel Pick(int ticket)
    {
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (ticket < _cumulative[i])
            {
                return Versions[i].Model;
            }
        }

        return Versions[^1].Model;
    }

    public LoadedModel? Find(string version)
    {
        foreach (var served in Versions)
        {
            if (served.Model.Version == version)
            {
                return served.Model;
            }
        }

        return null;
    }
}
