using System.Text.Json;

namespace Platform.Application.Datasets.Profiling;

/// <summary>
/// The split an upload asked for, kept as the version's split (<c>{"requested":{…}}</c>) until the profiler has read the
/// file and records the split it found in its place.
/// </summary>
public static class PendingSplit
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(DatasetSplitRequest request) => JsonSerializer.Serialize(new Pending(request), Json);

    public static DatasetSplitRequest Read(string splitJson) =>
        JsonSerializer.Deserialize<Pending>(splitJson, Json)?.Requested ?? new DatasetSplitRequest();

    private sealed record Pending(DatasetSplitRequest Requested);
}
