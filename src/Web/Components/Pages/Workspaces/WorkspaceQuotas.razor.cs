using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Workspaces;

public partial class WorkspaceQuotas
{
    [Parameter, EditorRequired] public string Workspace { get; set; } = "";

    /// <summary>Whether the user may set the quotas: the Api asks for a platform Admin (they share the platform between workspaces).</summary>
    [Parameter] public bool CanSet { get; set; }

    private IReadOnlyList<QuotaUse> _quotas = [];
    private readonly Dictionary<string, long?> _edits = [];
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _failure;
    private bool _loading = true;
    private bool _busy;
    private string? _shown;

    protected override async Task OnParametersSetAsync()
    {
        if (_shown == Workspace)
        {
            return;
        }

        (_shown, _loading, _failure) = (Workspace, true, null);
        try
        {
            Show(await Api.WorkspaceQuotasAsync(Workspace));
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _failure = "The quotas could not be read: " + message;
        }
        finally
        {
            _loading = false;
        }
    }

    private string? Complaint(string key) =>
        _errors.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { } messages ? string.Join(" ", messages) : null;

    private async Task SaveAsync()
    {
        (_busy, _failure, _errors) = (true, null, new Dictionary<string, string[]>());
        try
        {
            Show(await Api.SetWorkspaceQuotasAsync(Workspace, _edits));
            Snackbar.Add($"The quotas of {Workspace} are saved.", Severity.Success);
        }
        catch (ApiProblem problem)
        {
            (_errors, _failure) = (problem.Errors, problem.Errors.Count == 0 || !problem.Errors.Keys.All(k => _edits.ContainsKey(k)) ? problem.Readable : null);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _failure = message;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(IReadOnlyList<QuotaUse> quotas)
    {
        _quotas = quotas;
        _edits.Clear();
        foreach (var quota in quotas)
        {
            _edits[quota.Key] = quota.Quota;
        }
    }
}
