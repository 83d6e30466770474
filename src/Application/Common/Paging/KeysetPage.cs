namespace Platform.Application.Common.Paging;

/// <summary>
/// The rows of one keyset page and the cursor to the next (null on the last page): read as one row more than the
/// limit, so that a next page is known to exist without counting; the cursor is the last shown row's position.
/// </summary>
public sealed record KeysetPage<TRow>(IReadOnlyList<TRow> Rows, string? NextCursor)
{
    /// <summary>The page as answered, each row made an item.</summary>
    public Page<TItem> Select<TItem>(Func<TRow, TItem> item) => new([.. Rows.Select(item)], NextCursor);

    /// <summary>The page as answered, with items made from all the rows at once (a read that needs the shown rows).</summary>
    public Page<TItem> With<TItem>(IReadOnlyList<TItem> items) => new(items, NextCursor);
}

public static class KeysetPaging
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> rows of <paramref name="ordered"/> (already filtered past the cursor and
    /// ordered by the keyset), and the next page's cursor from <paramref name="position"/> of the last one shown.
    /// </summary>
    public static async Task<KeysetPage<TRow>> ReadPageAsync<TRow, TPosition>(
        this IQueryable<TRow> ordered, int limit, Func<TRow, TPosition> position, CancellationToken cancellationToken)
    {
        var rows = await ordered.Take(limit + 1).ToListAsync(cancellationToken);
        return rows.ToKeysetPage(limit, position);
    }

    /// <summary>The same cut, for rows read with one row more than <paramref name="limit"/> some other way.</summary>
    public static KeysetPage<TRow> ToKeysetPage<TRow, TPosition>(this List<TRow> rows, int limit, Func<TRow, TPosition> position)
    {
        if (rows.Count <= limit)
        {
            return new KeysetPage<TRow>(rows, null);
        }

        rows.RemoveRange(limit, rows.Count - limit);
        return new KeysetPage<TRow>(rows, Cursor.Encode(position(rows[^1])));
    }
}
