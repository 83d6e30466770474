using Microsoft.AspNetCore.Components;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Deployments;

public partial class TrafficSplitForm
{
    [Parameter, EditorRequired] public DeploymentInfo Deployment { get; set; } = null!;

    /// <summary>Told what the Api did with a sent split (a job in it is validating the new revision).</summary>
    [Parameter] public EventCallback<DeploymentChange> Changed { get; set; }

    private TrafficForm _form = new();
    private IReadOnlyList<ModelVersionInfo> _versions = [];
    private IReadOnlyDictionary<string, string> _problems = new Dictionary<string, string>();
    private bool _tried;
    private bool _sending;
    private string? _refusal;
    private int _shownRevision = -1;
    private bool _loaded;

    protected override void OnParametersSet()
    {
        // A new active revision (a change, a rollback) resets the form to it; an unchanged one keeps what is being typed.
        if (Deployment.Active?.Number != _shownRevision)
        {
            _shownRevision = Deployment.Active?.Number ?? 0;
            _form = TrafficForm.From(Deployment.Active);
            _tried = false;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _versions = (await Api.VersionsAsync(Deployment.Model, 100, null)).Items;
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _refusal = message;
        }

        _loaded = true;
    }

    /// <summary>The model's versions, and the row's own version even when it is not on the first page.</summary>
    private IEnumerable<(int? Version, string Stage)> Choices(int? current)
    {
        var listed = _versions.Select(v => ((int?)v.Version, v.Stage));
        return current is { } v && _versions.All(x => x.Version != v) ? listed.Append((v, "on this deployment")) : listed;
    }

    private string? Error(string key) => _tried && _problems.TryGetValue(key, out var problem) ? problem : null;

    private async Task SendAsync()
    {
        (_tried, _problems, _refusal) = (true, _form.Problems(), null);
        if (_problems.Count > 0)
        {
            return;
        }

        _sending = true;
        try
        {
            var change = await Api.ChangeTrafficAsync(Deployment, _form.Versions(), _form.Reason!.Trim());
            _form.Reason = null;
            _tried = false;
            await Changed.InvokeAsync(change);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            // 422 (a version not approved for the environment), 409 (a revision being validated), 412 (changed meanwhile): said beside the form.
            _refusal = message;
        }
        finally
        {
            _sending = false;
        }
    }
}
