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
        var page = await runs.Select(r => new { r.Id, r.Name }).ReadPageAsync(limit, r => new NamePosition(r.Name, r.Id), cancellationToken);
        return ([.. page.Rows.Select(r => r.Id)], page.NextCursor);
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
        var page = await runs.Select(r => new { r.Id, r.Status }).ReadPageAsync(limit, r => new StatusPosition(r.Status, r.Id), cancellationToken);
        return ([.. page.Rows.Select(r => r.Id)], page.NextCursor);
    }
}
