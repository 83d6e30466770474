using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Paging;
using Platform.Domain.Runs;

namespace Platform.Application.Runs.Queries.SearchRuns;

/// <summary>
/// Keyset paging by a run's name or status, then id: one ordered read per page, the cursor the last row's (value, id).
/// Names compare as the database orders them (ordinal on SQLite), so the cursor and the order agree.
/// </summary>
internal static class RunAttributePager
{
    private sealed record NamePosition(string Name, Guid Id);

    private sealed record StatusPosition(RunStatus Status, Guid Id);

    public static Task<(IReadOnlyList<Guid> Ids, string? Next)> ByNameOrStatusAsync(
        IQueryable<Run> runs, RunOrder order, int limit, string? cursor, CancellationToken cancellationToken) => order.Key == RunAttributes.Name
        ? ByNameAsync(runs, order.Descending, limit, cursor, cancellationToken)
        : ByStatusAsync(runs, order.Descending, limit, cursor, cancellationToken);

    private static async Task<(IReadOnlyList<Guid> Ids, string? Next)> ByNameAsync(
        IQueryable<Run> runs, bool descending, int limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Cursor.Decode<NamePosition>(cursor) is { } after)
        {
            runs = descending
                ? runs.Where(r => string.Compare(r.Name, after.Name) < 0 || (r.Name == after.Name && r.Id.CompareTo(after.Id) < 0))
                : runs.Where(r => string.Compare(r.Name, after.Name) > 0 || (r.Name == after.Name && r.Id.CompareTo(after.Id) > 0));
        }

        runs = descending ? runs.OrderByDescending(r => r.Name).ThenByDescending(r => r.Id) : runs.OrderBy(r => r.Name).ThenBy(r => r.Id);
        var rows = await runs.Select(r => new { r.Id, r.Name }).Take(limit + 1).ToListAsync(cancellationToken);
        var next = rows.Count > limit ? Cursor.Encode(new NamePosition(rows[limit - 1].Name, rows[limit - 1].Id)) : null;
        return ([.. rows.Take(limit).Select(r => r.Id)], next);
    }

    private static async Task<(IReadOnlyList<Guid> Ids, string? Next)> ByStatusAsync(
        IQueryable<Run> runs, bool descending, int limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Cursor.Decode<StatusPosition>(cursor) is { } after)
        {
            runs = descending
                ? runs.Where(r => r.Status < after.Status || (r.Status == after.Status && r.Id.CompareTo(after.Id) < 0))
                : runs.Where(r => r.Status > after.Status || (r.Status == after.Status && r.Id.CompareTo(after.Id) > 0));
        }

        runs = descending ? runs.OrderByDescending(r => r.Status).ThenByDescending(r => r.Id) : runs.OrderBy(r => r.Status).ThenBy(r => r.Id);
        var rows = await runs.Select(r => new { r.Id, r.Status }).Take(limit + 1).ToListAsync(cancellationToken);
        var next = rows.Count > limit ? Cursor.Encode(new StatusPosition(rows[limit - 1].Status, rows[limit - 1].Id)) : null;
        return ([.. rows.Take(limit).Select(r => r.Id)], next);
    }
}
