using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Auditing;

namespace Platform.Infrastructure.Auditing;

/// <summary>
/// When an audited command saves, adds one <see cref="AuditEvent"/> to the same save (so the same transaction): the
/// actor, the command, the main entity, and a summary of every changed record (up to <see cref="MaxRecords"/>) with
/// its changed properties before and after. Secrets (hashes, passwords, tokens, keys) are redacted and long texts cut.
/// </summary>
internal sealed class AuditInterceptor(AuditScope scope, ICurrentUser user, IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    public const int MaxRecords = 20;
    private const int MaxText = 200;
    private static readonly string[] SecretMarkers = ["hash", "password", "secret", "token", "key"];

    /// <summary>Rows that belong to another record's change (its points, lines, messages, events): counted, not listed first.</summary>
    private static readonly HashSet<string> Details =
        ["StoredMetricPoint", "LatestMetric", "JobLogLine", "OutboxMessage", "RunParam", "RunTag", "PromotionDecision", "StageTransition", "PlatformEvent"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null || scope.Action is not { } action)
        {
            return;
        }

        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEvent)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var main = changed.FirstOrDefault(e => !Details.Contains(e.Metadata.ClrType.Name)) ?? changed[0];
        var summary = new
        {
            records = changed.Take(MaxRecords).Select(Describe).ToList(),
            more = Math.Max(0, changed.Count - MaxRecords),
        };
        context.Add(AuditEvent.Record(
            clock.GetUtcNow(), Actor(), action, main.Metadata.ClrType.Name, KeyOf(main), JsonSerializer.Serialize(summary),
            Activity.Current?.TraceId.ToString(), http.HttpContext?.Connection.RemoteIpAddress?.ToString()));
        scope.Action = null; // one event per command, also when its handler saves twice
    }

    private string Actor() => user.Job is { } job ? $"job:{job.JobId}"
        : user.AccessTokenId is { } token ? $"{user.Name} (token {token})"
        : user.Name;

    private static object Describe(EntityEntry entry) => new
    {
        type = entry.Metadata.ClrType.Name,
        id = KeyOf(entry),
        change = entry.State.ToString(),
        properties = entry.Properties
            .Where(p => entry.State != EntityState.Modified || p.IsModified)
            .Where(p => !p.Metadata.IsPrimaryKey())
            .ToDictionary(p => p.Metadata.Name, p => new
            {
                before = entry.State == EntityState.Added ? null : Show(p.Metadata.Name, p.OriginalValue),
                after = entry.State == EntityState.Deleted ? null : Show(p.Metadata.Name, p.CurrentValue),
            }),
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

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

        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return text.Length <= MaxText ? text : text[..MaxText] + $"… ({text.Length} characters)";
    }
}
