using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Deployments;

/// <summary>
/// One deployment: its traffic, revisions, monitoring and keys, refreshed on its notifications (changes, rollbacks,
/// drift alerts) and every <see cref="RefreshSeconds"/> seconds for the figures.
/// </summary>
public partial class DeploymentPage
{
    private const int RefreshSeconds = 15;

    [Parameter] public string Name { get; set; } = "";

    private DeploymentInfo? _deployment;
    private DateTimeOffset _refreshedAt;
    private RevisionHistory? _history;
    private MonitoringHistory? _monitoringHistory;
    private string? _rollbackReason;
    private string? _rollbackProblem;
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Loads the deployment, then listens for its events (changes, rollbacks, drift alerts) and re-reads the figures on a timer.</summary>
    protected override async Task LoadAsync()
    {
        await RefreshAsync();
        _ = RefreshEveryAsync(_stop.Token);
        Hub = Live.Notifications();
        Hub.On<JsonElement>("Notification", e => InvokeAsync(() => IsAboutThis(e) ? TryAsync(RefreshAsync) : Task.CompletedTask));
        await Hub.StartAsync();
        await Hub.InvokeAsync("SubscribeToModel", _deployment!.Model);
    }

    private bool IsAboutThis(JsonElement e) =>
        e.TryGetProperty("type", out var type) && type.GetString()?.StartsWith("deployment.", StringComparison.Ordinal) == true
        && e.TryGetProperty("data", out var data) && data.TryGetProperty("deployment", out var name) && name.GetString() == Name;

    /// <summary>Everything, the revision history too: on the deployment's events and after one's own change.</summary>
    private async Task RefreshAsync()
    {
        await (_history?.ReloadAsync() ?? Task.CompletedTask);
        await RefreshFiguresAsync();
    }

    /// <summary>The deployment and its monitoring, on the timer: the revision history (which may be paged further) changes only with an event.</summary>
    private async Task RefreshFiguresAsync()
    {
        _deployment = await Api.DeploymentAsync(Name);
        _refreshedAt = DateTimeOffset.Now;
        await (_monitoringHistory?.ReloadAsync() ?? Task.CompletedTask);
        StateHasChanged();
    }

    private async Task RefreshEveryAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(RefreshSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await InvokeAsync(() => TryAsync(RefreshFiguresAsync));
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private async Task OnChangedAsync(DeploymentChange change)
    {
        Snackbar.Add(change.Job is null ? "The new split is active." : "The new split is being validated by a deploy job; traffic moves when it succeeds.", Severity.Success);
        await TryAsync(RefreshAsync);
    }

    private async Task RollbackAsync()
    {
        _rollbackProblem = string.IsNullOrWhiteSpace(_rollbackReason) ? "Say why you roll back." : null;
        if (_rollbackProblem is not null)
        {
            return;
        }

        var sure = await Dialogs.ShowMessageBoxAsync("Roll back", $"Move {Name}'s traffic back to the revision before the current one?", yesText: "Roll back", cancelText: "Cancel");
        if (sure != true)
        {
            return;
        }

        try
        {
            _deployment = await Api.RollbackAsync(Name, _rollbackReason!.Trim());
            _rollbackReason = null;
            Snackbar.Add($"Rolled back: revision {_deployment.Active?.Number} is active.", Severity.Success);
            await TryAsync(RefreshAsync);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _rollbackProblem = message;
        }
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
