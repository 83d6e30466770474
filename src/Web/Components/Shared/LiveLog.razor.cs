using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>A job's log, live: the stored lines and those the hub pushes, in sequence order, the last <see cref="Capacity"/> kept.</summary>
public partial class LiveLog
{
    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Parameter] public int Capacity { get; set; } = 500;

    private LogBuffer _buffer = new(500);
    private ElementReference _box;
    private bool _follow = true;
    private bool _scroll;

    protected override void OnParametersSet()
    {
        if (_buffer.Capacity != Capacity)
        {
            _buffer = new LogBuffer(Capacity);
        }
    }

    /// <summary>Lines that came over the hub rather than from a history page (marked on the page, for people and tests).</summary>
    private readonly HashSet<int> _live = [];

    /// <summary>Adds lines (live from the hub, or a history page) and redraws; safe to call from outside the renderer's thread.</summary>
    public Task Append(IEnumerable<LogLine> lines, bool live = true) => InvokeAsync(() =>
    {
        var list = lines.ToList();
        var held = live ? _buffer.Lines.Select(l => l.Sequence).ToHashSet() : [];
        if (_buffer.Add(list))
        {
            if (live)
            {
                _live.UnionWith(list.Select(l => l.Sequence).Where(sequence => !held.Contains(sequence)));
                _live.IntersectWith(_buffer.Lines.Select(l => l.Sequence));
            }

            _scroll = _follow;
            StateHasChanged();
        }
    });

    /// <summary>Reads the end of the job's stored log (as many lines as the log keeps); live lines may arrive meanwhile.</summary>
    public async Task LoadHistoryAsync(PlatformApiClient api, Guid jobId) =>
        await Append((await api.JobLogTailAsync(jobId, Capacity)).Items, live: false);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_scroll)
        {
            _scroll = false;
            try
            {
                await JS.InvokeVoidAsync("platformScrollToEnd", _box);
            }
            catch (JSDisconnectedException)
            {
                // The page is gone.
            }
        }
    }
}
