using System.Text.RegularExpressions;

namespace Platform.Serving.State;

/// <summary>Checks a desired state before anything is loaded: URL-safe unique names, versions, weights and paths.</summary>
public static partial class DesiredStateValidator
{
    public static void EnsureValid(DesiredServingState desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var errors = new Dictionary<string, string[]>();
        void Fault(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        var names = new HashSet<string>(StringComparer.Ordinal);
        if (desired.Endpoints is null)
        {
            Fault("endpoints", "is required: the list of endpoints to serve (empty to serve none)");
        }

        // JSON null passes for any field whatever its C# type: each level is checked for it.
        var endpoints = desired.Endpoints ?? [];
        for (var e = 0; e < endpoints.Length; e++)
        {
            var endpoint = endpoints[e];
            var at = $"endpoints[{e}]";
            if (endpoint is null)
            {
                Fault(at, "must be an endpoint (an object with name and versions)");
                continue;
            }

            if (endpoint.Name is null || !IsEndpointName(endpoint.Name))
            {
                Fault($"{at}.name", "Use 1-64 letters, digits, '.', '_' or '-', optionally after a workspace name and '/'.");
            }
            else if (!names.Add(endpoint.Name))
            {
                Fault($"{at}.name", $"Endpoint '{endpoint.Name}' appears twice.");
            }

            if (endpoint.Versions is null || endpoint.Versions.Length == 0)
            {
                Fault($"{at}.versions", "An endpoint needs at least one version.");
            }
            else if (endpoint.Versions.Where(v => v is not null).Sum(v => (long)Math.Max(0, v.Weight)) <= 0)
            {
                Fault($"{at}.versions", "At least one version needs a weight above 0.");
            }

            CheckPolicies(endpoint, at, Fault);
            var versions = new HashSet<string>(StringComparer.Ordinal);
            for (var v = 0; v < (endpoint.Versions?.Length ?? 0); v++)
            {
                var version = endpoint.Versions![v];
                var vat = $"{at}.versions[{v}]";
                if (version is null)
                {
                    Fault(vat, "must be a version (an object with version, modelPath and weight)");
                    continue;
                }

                if (version.Version is null || !SafeName().IsMatch(version.Version))
                {
                    Fault($"{vat}.version", "Use 1-64 letters, digits, '.', '_' or '-'.");
                }
                else if (!versions.Add(version.Version))
                {
                    Fault($"{vat}.version", $"Version '{version.Version}' appears twice.");
                }

                if (version.Weight < 0)
                {
                    Fault($"{vat}.weight", "A weight is 0 or more.");
                }

                if (string.IsNullOrWhiteSpace(version.ModelPath))
                {
                    Fault($"{vat}.modelPath", "The ONNX file's path is required.");
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDesiredStateException(errors);
        }
    }

    /// <summary>The canary and drift policies, within the limits the Api keeps (a state put on the admin surface has not been through the Api).</summary>
    private static void CheckPolicies(EndpointSpec endpoint, string at, Action<string, string> fault)
    {
        if (endpoint.Canary is { } canary)
        {
            Check(fault, $"{at}.canary.maxErrorRate", canary.MaxErrorRate is >= 0 and <= 1, "must be between 0 and 1");
            Check(fault, $"{at}.canary.maxP95Milliseconds", canary.MaxP95Milliseconds is > 0 and <= 600_000, "must be above 0 and at most 600000");
            Check(fault, $"{at}.canary.windowSeconds", canary.WindowSeconds is >= 1 and <= 86_400, "must be 1 to 86400");
            Check(fault, $"{at}.canary.minRequests", canary.MinRequests is >= 1 and <= 1_000_000, "must be 1 to 1000000");
        }

        if (endpoint.Drift is { } drift)
        {
            Check(fault, $"{at}.drift.psiThreshold", drift.PsiThreshold is > 0 and <= 100, "must be above 0 and at most 100");
            Check(fault, $"{at}.drift.ksThreshold", drift.KsThreshold is > 0 and <= 1, "must be above 0 and at most 1");
            Check(fault, $"{at}.drift.minSamples", drift.MinSamples is >= 1 and <= 10_000_000, "must be 1 to 10000000");
            Check(fault, $"{at}.drift.intervalSeconds", drift.IntervalSeconds is >= 1 and <= 86_400, "must be 1 to 86400");
        }
    }

    private static void Check(Action<string, string> fault, string field, bool valid, string problem)
    {
        if (!valid)
        {
            fault(field, problem);
        }
    }

    /// <summary>A name, or a workspace's name, '/' and a name (a deployment outside the default workspace).</summary>
    private static bool IsEndpointName(string name) => name.Split('/') is { Length: <= 2 } parts && parts.All(p => SafeName().IsMatch(p));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeName();
}
