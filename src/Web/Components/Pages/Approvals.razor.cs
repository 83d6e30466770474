using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Governance;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages;

public partial class Approvals
{
    private static readonly string[] Outcomes = ["Approved", "Rejected", "Withdrawn", "Expired"];
    private List<PromotionRequest> _pending = [];
    private PagedList<PromotionRequest>? _history;
    private string _outcome = "Approved";
    private string? _next;
    private bool _approver;
    private readonly Dictionary<Guid, IReadOnlyList<MetricDelta>> _metrics = [];

    protected override async Task LoadAsync()
    {
        _approver = Session.Holds("Approver");
        await ReadAsync();
        if (!_approver)
        {
            return; // the inbox's live feed is the approvers': its subscription would be refused
        }

        // The inbox updates itself: a request made or decided anywhere reloads it.
        Hub = Live.Notifications();
        Hub.On<System.Text.Json.JsonElement>("Notification", _ => InvokeAsync(async () =>
        {
            await TryAsync(ReadAsync);
            await (_history?.ReloadAsync() ?? Task.CompletedTask);
            StateHasChanged();
        }));
        await Hub.StartAsync();
        await Hub.InvokeAsync("SubscribeToApprovals");
    }

    private async Task ReadAsync()
    {
        var page = await Api.PromotionsAsync("Pending", 20, null);
        (_pending, _next) = ([.. page.Items], page.NextCursor);
        await ReadMetricsAsync(page.Items);
    }

    /// <summary>Each candidate's metrics beside its stage holder's (read once per request).</summary>
    private async Task ReadMetricsAsync(IEnumerable<PromotionRequest> requests)
    {
        foreach (var request in requests.Where(r => !_metrics.ContainsKey(r.Id)))
        {
            _metrics[request.Id] = await CandidateMetrics.ReadAsync(Api, request);
        }
    }


    private async Task ShowOutcomeAsync(string outcome)
    {
        _outcome = outcome;
        await (_history?.ReloadAsync() ?? Task.CompletedTask);
    }

    private Task MoreAsync() => TryAsync(async () =>
    {
        var page = await Api.PromotionsAsync("Pending", 20, _next);
        _pending.AddRange(page.Items);
        _next = page.NextCursor;
        await ReadMetricsAsync(page.Items);
    });

    private async Task DecideAsync(PromotionRequest request, bool approve, string? comment)
    {
        PromotionRequest? decided = null;
        if (await TryAsync(async () => decided = approve ? await Api.ApproveAsync(request.Id, comment) : await Api.RejectAsync(request.Id, comment!)))
        {
            Snackbar.Add($"{request.Model} v{request.Version}: {decided!.Status}", decided.Status == "Rejected" ? MudBlazor.Severity.Warning : MudBlazor.Severity.Success);
        }

        await TryAsync(ReadAsync);
    }
}
