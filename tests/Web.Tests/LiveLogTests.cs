using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests;

public sealed class LiveLogTests : PortalTestContext
{
    [Fact]
    public async Task Live_lines_are_appended_in_sequence_order_whatever_order_they_arrive_in()
    {
        var log = Render<LiveLog>();

        await log.Instance.Append([Line(1), Line(2)]);
        await log.Instance.Append([Line(5), Line(3)]);   // live lines overtaking a history page
        await log.Instance.Append([Line(2), Line(4)]);   // the page overlapping what came live

        log.WaitForAssertion(() => Assert.Equal(["1", "2", "3", "4", "5"], Sequences(log)));
        Assert.Contains("line 5", log.FindAll("[data-testid=log-line]")[^1].TextContent);
        Assert.Equal("5 lines", log.Find("[data-testid=log-count]").TextContent);
    }

    [Fact]
    public async Task Lines_from_the_hub_are_marked_live_and_a_history_page_repeating_them_changes_nothing()
    {
        var log = Render<LiveLog>();

        await log.Instance.Append([Line(1), Line(2)], live: false);
        await log.Instance.Append([Line(2), Line(3)]);

        log.WaitForAssertion(() => Assert.Equal(["0", "0", "1"], log.FindAll("[data-testid=log-line]").Select(e => e.GetAttribute("data-live")!)));
    }

    [Fact]
    public async Task The_log_keeps_only_the_last_lines_up_to_its_capacity()
    {
        var log = Render<LiveLog>(p => p.Add(x => x.Capacity, 3));

        await log.Instance.Append([.. Enumerable.Range(1, 5).Select(Line)]);
        await log.Instance.Append([Line(1), Line(6)]);   // a line older than all kept is not shown out of place

        log.WaitForAssertion(() => Assert.Equal(["4", "5", "6"], Sequences(log)));
        Assert.Equal("last 3 lines (3 earlier not shown)", log.Find("[data-testid=log-count]").TextContent);
    }

    [Fact]
    public void The_buffer_counts_what_it_let_go_and_ignores_repeats()
    {
        var buffer = new LogBuffer(2);

        Assert.True(buffer.Add([Line(10), Line(11), Line(12)]));
        Assert.False(buffer.Add([Line(12), Line(9)]));

        Assert.Equal([11, 12], buffer.Lines.Select(l => l.Sequence));
        Assert.Equal(1, buffer.Dropped);
    }

    [Fact]
    public async Task A_new_line_scrolls_the_log_to_its_end_while_following()
    {
        var log = Render<LiveLog>();

        await log.Instance.Append([Line(1)]);

        log.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "platformScrollToEnd"));
    }

    private static LogLine Line(int sequence) => new(sequence, DateTimeOffset.UnixEpoch.AddSeconds(sequence), $"line {sequence}");

    private static string[] Sequences(IRenderedComponent<LiveLog> log) =>
        [.. log.FindAll("[data-testid=log-line]").Select(e => e.GetAttribute("data-sequence")!)];
}
