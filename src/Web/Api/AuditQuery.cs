using System.Globalization;

namespace Platform.Web.Api;

/// <summary>The audit page's filter: actor, action (exact, or a prefix ending in *), and a range of whole days (UTC), both ends included.</summary>
public sealed record AuditQuery(string? Actor, string? Action, DateTime? FromDay, DateTime? ToDay)
{
    /// <summary>The Api's query string for it (<c>&amp;actor=…&amp;from=…&amp;to=…</c>), <c>to</c> being the start of the day after the last.</summary>
    public string QueryString =>
        Part("actor", Actor) + Part("action", Action) + Part("from", Text(From)) + Part("to", Text(To));

    /// <summary>The start of the first day (UTC), when there is one.</summary>
    public DateTimeOffset? From => Day(FromDay);

    /// <summary>The start of the day after the last (UTC), when there is one: the range's open end.</summary>
    public DateTimeOffset? To => Day(ToDay?.AddDays(1));

    private static DateTimeOffset? Day(DateTime? day) => day is { } d ? new DateTimeOffset(d.Date.Ticks, TimeSpan.Zero) : null;

    private static string? Text(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);

    private static string Part(string name, string? value) => string.IsNullOrWhiteSpace(value) ? "" : $"&{name}={Uri.EscapeDataString(value.Trim())}";
}
