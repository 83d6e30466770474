using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Fleet;

/// <summary>
/// One rollout: its waves' progress, the gate's figures, its devices, and the Operator's actions. It is read again when a
/// <c>rollout.*</c> event about it arrives (its model's events on the notifications hub), and every <see cref="PollSeconds"/>
/// seconds while it is Running or RollingBack, as devices move without raising events.
/// </summary>
public partial class RolloutPage
{
    public const int PollSeconds = 3;

    [Parameter] public Guid Id { get; set; }

    private RolloutInfo? _rollout;
    private RolloutDevices? _devices;
    private DateTimeOffset _refreshedAt;
    private readonly CancellationTokenSource _stop = new();

    protected override async Task LoadAsync()
    {
        await RefreshAsync();
        _ = PollAsync(_stop.Token);
        Hub = Live.Notifications();
        Hub.On<JsonElement>("Notification", e => InvokeAsync(() => IsAboutThis(e) ? TryAsync(RefreshAllAsync) : Task.CompletedTask));
        await Hub.StartAsync();
        await Hub.InvokeAsync("SubscribeToModel", _rollout!.Model);
    }

    /// <summary>A <c>rollout.*</c> event whose payload names this rollout.</summary>
    private bool IsAboutThis(JsonElement e) =>
        e.TryGetProperty("type", out var type) && type.GetString()?.StartsWith("rollout.", StringComparison.Ordinal) == true
        && e.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("rolloutId", out var id) && id.ValueKind == JsonValueKind.String && id.TryGetGuid(out var rollout) && rollout == Id;

    private async Task RefreshAsync()
    {
        _rollout = await Api.RolloutAsync(Id);
        _refreshedAt = DateTimeOffset.Now;
    }

    /// <summary>The rollout and its device table: on its events, after an action, and by hand.</summary>
    private async Task RefreshAllAsync()
    {
        await RefreshAsync();
        await (_devices?.ReloadAsync() ?? Task.CompletedTask);
        StateHasChanged();
    }

    private async Task PollAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(PollSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (_rollout is { } shown && RolloutStates.Moving(shown.State))
                {
                    await InvokeAsync(() => TryAsync(async () =>
                    {
                        await RefreshAsync();
                        await (_devices is { OnFirstPage: true } devices ? devices.ReloadAsync() : Task.CompletedTask);
                        StateHasChanged();
                    }));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private Task OnActedAsync() => TryAsync(RefreshAllAsync);

    protected override async ValueTask DisposeCoreAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
