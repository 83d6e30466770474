using System.Globalization;

namespace Platform.Web.Api;

/// <summary>The audit page's filter: actor, action (exact, or a prefix ending in *), and a range of whole days (UTC), both ends included.</summary>
public sealed record AuditQuery(string? Actor, string? Action, DateTime? FromDay, DateTime? ToDay)
{
    /// <summary>The Api's query string for it (<c>&amp;actor=…&amp;from=…&amp;to=…</c>), <c>to</c> being the start of the day after the last.</summary>
    public string QueryString =>
        Part("actor", Actor) + Part("action", Action) + Part("from", Day(FromDay)) + Part("to", Day(ToDay?.AddDays(1)));

    private static string? Day(DateTime? day) => day is { } d ? d.Date.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture) : null;

    private static string Part(string name, string? value) => string.IsNullOrWhiteSpace(value) ? "" : $"&{name}={Uri.EscapeDataString(value.Trim())}";
}
