using System.Globalization;
using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>A workspace as the Api lists it, with the roles the caller holds there (none: a platform Admin who is no member).</summary>
public sealed record WorkspaceInfo(string Name, string DisplayName, string? Description, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<string> YourRoles)
{
    public bool IsMember => YourRoles.Count > 0;

    public bool IsAdmin => YourRoles.Contains(PlatformRoles.Admin);

    /// <summary>What the switcher shows: the display name, or the name when it has none.</summary>
    public string Title => string.IsNullOrWhiteSpace(DisplayName) ? Name : DisplayName;
}

/// <summary>A member of a workspace with their roles there.</summary>
public sealed record WorkspaceMember(string UserName, IReadOnlyList<string> Roles, string AddedBy, DateTimeOffset AddedAt);

/// <summary>
/// One of a workspace's quotas as <c>GET …/quotas</c> answers it: its limit, what is in use and (for jobs) how many wait.
/// Read from whatever properties the answer holds, so a quota the Api adds (storage, deployments) shows without a portal change.
/// </summary>
public sealed record QuotaUse(string Key, long Quota, long InUse, long? Waiting)
{
    /// <summary>"concurrentGpuJobs" as "Concurrent GPU jobs".</summary>
    public string Title => Words(Key);

    public bool IsBytes => Key.Contains("bytes", StringComparison.OrdinalIgnoreCase);

    public string Show(long value) => IsBytes ? Bytes(value) : value.ToString("N0", CultureInfo.InvariantCulture);

    public static IReadOnlyList<QuotaUse> From(JsonElement quotas) => quotas.ValueKind != JsonValueKind.Object ? [] :
        [.. quotas.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && Number(p.Value, "quota") is not null)
            .Select(p => new QuotaUse(p.Name, Number(p.Value, "quota")!.Value, Number(p.Value, "inUse") ?? 0, Number(p.Value, "waiting")))];

    private static long? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    private static string Words(string key)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= key.Length; i++)
        {
            if (i == key.Length || (char.IsUpper(key[i]) && char.IsLower(key[i - 1])))
            {
                var word = key[start..i];
                words.Add(word.Equals("gpu", StringComparison.OrdinalIgnoreCase) ? "GPU" : word.ToLowerInvariant());
                start = i;
            }
        }

        var text = string.Join(' ', words);
        return text.Length == 0 ? key : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            (value, unit) = (value / 1024, unit + 1);
        }

        return unit == 0 ? $"{bytes} B" : value.ToString("0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
