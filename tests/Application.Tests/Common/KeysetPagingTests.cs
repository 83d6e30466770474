using Platform.Application.Common.Paging;

namespace Platform.Application.Tests.Common;

public sealed class KeysetPagingTests
{
    private sealed record Position(int At);

    [Fact]
    public void One_row_past_the_limit_means_a_next_page_whose_cursor_is_the_last_row_shown()
    {
        var page = new List<int> { 1, 2, 3 }.ToKeysetPage(2, n => new Position(n));

        Assert.Equal([1, 2], page.Rows);
        Assert.Equal(new Position(2), Cursor.Decode<Position>(page.NextCursor));
        Assert.Equal(["#1", "#2"], page.Select(n => $"#{n}").Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Up_to_the_limit_is_the_last_page(int count)
    {
        var page = Enumerable.Range(1, count).ToList().ToKeysetPage(2, n => new Position(n));

        Assert.Equal(count, page.Rows.Count);
        Assert.Null(page.NextCursor);
    }
}
