using Platform.Serving.Models;
using Platform.Serving.Security;
using Platform.Serving.State;

namespace Platform.Serving.Routing;

/// <summary>A model version on an endpoint with its traffic weight; <paramref name="IsCanary"/> marks the version on trial.</summary>
public sealed record ServedVersion(LoadedModel Model, int Weight, bool IsCanary = false);

/// <summary>An endpoint's versions and the weighted choice between them (immutable: a new state builds new endpoints).</summary>
public sealed class ServedEndpoint
{
    private readonly int[] _cumulative;
    private readonly int _total;

    public ServedEndpoint(string name, IReadOnlyList<ServedVersion> versions, InferenceKeys? keys = null, EndpointSpec? spec = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        Name = name;
        Versions = versions;
        Keys = keys ?? InferenceKeys.Open;
        Spec = spec ?? new EndpointSpec { Name = name };
        _cumulative = new int[versions.Count];
        for (var i = 0; i < versions.Count; i++)
        {
            _total += versions[i].Weight;
            _cumulative[i] = _total;
        }
    }

    public string Name { get; }

    public IReadOnlyList<ServedVersion> Versions { get; }

    /// <summary>The keys inference requests must carry.</summary>
    public InferenceKeys Keys { get; }

    /// <summary>What the desired state says about the endpoint (revision, policies).</summary>
    public EndpointSpec Spec { get; }

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

    public bool IsCanary(LoadedModel model)
    {
        foreach (var served in Versions)
        {
            if (ReferenceEquals(served.Model, model))
            {
                return served.IsCanary;
            }
        }

        return false;
    }

    /// <summary>A version that is not the canary, by weight (any stable one when none has weight); <c>null</c> when all are canaries.</summary>
    public LoadedModel? PickStable()
    {
        var stable = Versions.Where(v => !v.IsCanary).ToArray();
        var total = stable.Sum(v => v.Weight);
        if (stable.Length == 0 || total <= 0)
        {
            return stable.FirstOrDefault()?.Model;
        }

        var ticket = Random.Shared.Next(total);
        foreach (var served in stable)
        {
            ticket -= served.Weight;
            if (ticket < 0)
            {
                return served.Model;
            }
        }

        return stable[^1].Model;
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
