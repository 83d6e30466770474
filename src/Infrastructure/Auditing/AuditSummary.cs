using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.Domain.Auditing;

namespace Platform.Infrastructure.Auditing;

/// <summary>
/// What one audited save changed: each record's type, key, kind of change and changed properties before and after
/// (secrets redacted, long texts cut, times in ISO 8601 UTC), captured as the save is prepared. Keys are read from the
/// records again when written, so that keys the database assigns appear as stored.
/// </summary>
internal sealed class AuditSummary
{
    public const int MaxRecords = 20;
    private const int MaxText = 200;
    private static readonly string[] SecretMarkers = ["hash", "password", "secret", "token", "key"];

    /// <summary>Rows that belong to another record's change (its points, lines, messages, events): counted, not listed first.</summary>
    private static readonly HashSet<string> Details =
        ["StoredMetricPoint", "LatestMetric", "JobLogLine", "OutboxMessage", "RunParam", "RunTag", "PromotionDecision", "StageTransition", "PlatformEvent"];

    private readonly List<(EntityEntry Entry, string Type, string Change, Dictionary<string, Change> Properties)> _records;
    private readonly EntityEntry _main;
    private readonly int _more;

    public AuditSummary(IReadOnlyList<EntityEntry> changed)
    {
        _main = changed.FirstOrDefault(e => !Details.Contains(e.Metadata.ClrType.Name)) ?? changed[0];
        _records = [.. changed.Take(MaxRecords).Select(e => (e, e.Metadata.ClrType.Name, e.State.ToString(), Properties(e)))];
        _more = Math.Max(0, changed.Count - MaxRecords);
        HasTemporaryKeys = changed.Take(MaxRecords).Append(_main).Any(IsTemporary);
    }

    public string MainType => _main.Metadata.ClrType.Name;

    public string MainId => KeyOf(_main);

    /// <summary>Whether a listed record's key is still the temporary one EF Core gives a row before the database numbers it.</summary>
    public bool HasTemporaryKeys { get; }

    /// <summary>The event that carries this summary, once added to the save.</summary>
    public EntityEntry<AuditEvent>? Event { get; set; }

    /// <summary>The event's own temporary sequence number, to tell when the database has numbered it.</summary>
    public long EventTemporarySequence { get; set; }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(new
    {
        records = _records.Select(r => new { type = r.Type, id = KeyOf(r.Entry), change = r.Change, properties = r.Properties }),
        more = _more,
    }, Json);

    private static bool IsTemporary(EntityEntry entry) => entry.Metadata.FindPrimaryKey()!.Properties.Any(p => entry.Property(p.Name).IsTemporary);

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)));

    private static Dictionary<string, Change> Properties(EntityEntry entry) => entry.Properties
        .Where(p => entry.State != EntityState.Modified || p.IsModified)
        .Where(p => !p.Metadata.IsPrimaryKey())
        .ToDictionary(p => p.Metadata.Name, p => new Change(
            entry.State == EntityState.Added ? null : Show(p.Metadata.Name, p.OriginalValue),
            entry.State == EntityState.Deleted ? null : Show(p.Metadata.Name, p.CurrentValue)));

    private static string? Show(string property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (SecretMarkers.Any(m => property.Contains(m, StringComparison.OrdinalIgnoreCase)) && property != "ArtifactSha256")
        {
            return "[redacted]";
        }

        var text = Text(value) ?? "";
        return text.Length <= MaxText ? text : text[..MaxText] + $"… ({text.Length} characters)";
    }

    /// <summary>Values as a compliance export shows them: times in ISO 8601 UTC, numbers in the invariant culture.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTime at => (at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at).ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public sealed record Change(string? Before, string? After);
}
