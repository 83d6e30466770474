using Platform.Domain.Common;

namespace Platform.Domain.Deployments;

/// <summary>A model version on a deployment with its relative traffic weight; <paramref name="Canary"/> marks the one being tried out.</summary>
public sealed record TrafficVersion(int Version, int Weight, bool Canary);

/// <summary>
/// The versions a revision serves and how traffic divides among them: 1 to <see cref="MaxVersions"/> distinct versions,
/// weights of 0 or more with a positive sum, at most one canary, and never a canary as the only version with traffic.
/// </summary>
public sealed class TrafficSplit
{
    public const int MaxVersions = 10;
    public const int MaxWeight = 1_000_000;

    private TrafficSplit(IReadOnlyList<TrafficVersion> versions) => Versions = versions;

    public IReadOnlyList<TrafficVersion> Versions { get; }

    public TrafficVersion? Canary => Versions.SingleOrDefault(v => v.Canary);

    public IEnumerable<int> Numbers => Versions.Select(v => v.Version);

    /// <exception cref="DomainException">A rule above is broken; the message says which.</exception>
    public static TrafficSplit Of(IReadOnlyList<TrafficVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (Problem(versions) is { } problem)
        {
            throw new DomainException("deployment.traffic", problem);
        }

        return new TrafficSplit([.. versions]);
    }

    /// <summary>What is wrong with a split, in words, or null when it keeps every rule (validators use it for 400s).</summary>
    public static string? Problem(IReadOnlyList<TrafficVersion> versions)
    {
        if (versions.Count is < 1 or > MaxVersions)
        {
            return $"A deployment serves 1 to {MaxVersions} versions (got {versions.Count}).";
        }

        if (versions.FirstOrDefault(v => v.Version < 1) is { } bad)
        {
            return $"Version {bad.Version} is not a version number (1 or more).";
        }

        if (versions.GroupBy(v => v.Version).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return $"Version {twice.Key} is listed twice; each version appears once.";
        }

        if (versions.FirstOrDefault(v => v.Weight is < 0 or > MaxWeight) is { } weight)
        {
            return $"Version {weight.Version} has weight {weight.Weight}; weights are 0 to {MaxWeight}.";
        }

        if (versions.Sum(v => (long)v.Weight) <= 0)
        {
            return "The weights sum to 0; at least one version needs traffic.";
        }

        if (versions.Count(v => v.Canary) > 1)
        {
            return "At most one version is the canary.";
        }

        if (versions.SingleOrDefault(v => v.Canary) is { } canary && !versions.Any(v => !v.Canary && v.Weight > 0))
        {
            return $"Canary version {canary.Version} is the only version with traffic; a canary needs a stable version beside it.";
        }

        return null;
    }

    /// <summary>The split without its canary: the canary's weight goes to the stable version with the most traffic.</summary>
    public TrafficSplit WithoutCanary()
    {
        var canary = Canary ?? throw new DomainException("deployment.no-canary", "This revision has no canary to roll back.");
        var stable = Versions.Where(v => !v.Canary).ToList();
        var heaviest = stable.OrderByDescending(v => v.Weight).ThenBy(v => v.Version).First();
        return Of([.. stable.Select(v => v == heaviest ? v with { Weight = v.Weight + canary.Weight } : v)]);
    }

    internal string ToJson() => DeploymentJson.Write(Versions);

    internal static TrafficSplit FromJson(string json) => new(DeploymentJson.Read<List<TrafficVersion>>(json));
}
