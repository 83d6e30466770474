using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Registry;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages;

/// <summary>
/// A model: its versions with their stages, pending requests and serving warnings, the promotion form (Staging by
/// default, confirmed), the requests waiting (withdraw your own), the comparison with Production, the latest model
/// card and the stage history; all read again when anything about the model changes.
/// </summary>
public partial class ModelVersions
{
    [Parameter] public string Name { get; set; } = "";

    private PagedList<ModelVersionInfo>? _list;
    private StageHistory? _history;
    private ModelVersionInfo? _latest;
    private IReadOnlyList<ModelAlias> _aliases = [];
    private IReadOnlyList<ModelVersionInfo> _firstPage = [];
    private ModelStatus _status = ModelStatus.None;

    private List<BreadcrumbItem> Trail => [new("Model registry", "/models"), new(Name, null, disabled: true)];

    private string VersionHref(int version) => $"/models/{Uri.EscapeDataString(Name)}/versions/{version}";

    private async Task<Page<ModelVersionInfo>> LoadVersionsAsync(string? cursor, CancellationToken ct)
    {
        var page = await Api.VersionsAsync(Name, 25, cursor, ct);
        if (cursor is null)
        {
            _aliases = await Api.AliasesAsync(Name, ct); // the model's, whatever the page: read with the first page only
        }

        if (cursor is null && page.Items.Count > 0)
        {
            (_latest, _firstPage) = (page.Items[0], page.Items);
            StateHasChanged();
        }

        return page;
    }

    /// <summary>Watches the model: a new version, a request or a stage change reloads what shows it, no page reload needed.</summary>
    protected override async Task LoadAsync()
    {
        _status = await ModelStatus.ReadAsync(Api, Name); // 404 for an unknown model: the page shows the portal's 404
        Hub = Live.Notifications();
        Hub.On<System.Text.Json.JsonElement>("Notification", _ => InvokeAsync(RefreshAsync));
        await Hub.StartAsync();
        await Hub.InvokeAsync("SubscribeToModel", Name);
    }

    private async Task RefreshAsync()
    {
        await TryAsync(async () => _status = await ModelStatus.ReadAsync(Api, Name));
        await (_list?.ReloadAsync() ?? Task.CompletedTask);
        await (_history?.ReloadAsync() ?? Task.CompletedTask);
        StateHasChanged();
    }

    private async Task<bool> RequestAsync(int version, string target, string justification)
    {
        if (!await TryAsync(() => Api.RequestPromotionAsync(Name, version, target, justification)))
        {
            return false;
        }

        Snackbar.Add($"Requested v{version} → {target}; approvers have been told.", Severity.Success);
        await RefreshAsync();
        return true;
    }

    private async Task WithdrawAsync(PromotionRequest request)
    {
        if (await TryAsync(() => Api.WithdrawAsync(request.Id)))
        {
            Snackbar.Add($"Withdrew the request for v{request.Version} → {request.TargetStage}.", Severity.Info);
            await RefreshAsync();
        }
    }
}
