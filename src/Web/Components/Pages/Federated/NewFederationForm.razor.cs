using System.Net;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Federated;

public partial class NewFederationForm
{
    /// <summary>The experiments a federation may be a run of.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<Experiment> Experiments { get; set; } = [];

    /// <summary>The experiment picked to begin with (the page's <c>?experiment=</c>).</summary>
    [Parameter] public Guid? Experiment { get; set; }

    /// <summary>Told the federation the Api defined.</summary>
    [Parameter] public EventCallback<FederationInfo> Started { get; set; }

    [Inject] private PlatformApiClient Api { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private readonly FederationForm _form = new();
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _failure;
    private bool _busy;

    protected override void OnInitialized() => _form.ExperimentId ??= Experiment;

    private string? Err(string field) => FederationForm.Complaint(_errors, field);

    private async Task StartAsync()
    {
        (_errors, _failure) = (_form.Missing(), null);
        if (_errors.Count > 0)
        {
            _failure = "The federation was not started: see the fields marked.";
            return;
        }

        _busy = true;
        try
        {
            var federation = await Api.StartFederationAsync(_form.ExperimentId!.Value, _form.Name!.Trim(), _form.ToPlan());
            Snackbar.Add($"{federation.Name} is defined ({federation.State.ToLowerInvariant()}).", Severity.Success);
            await Started.InvokeAsync(federation);
        }
        catch (ApiProblem problem) when (problem.Errors.Count > 0)
        {
            _errors = problem.Errors;
            _failure = problem.Errors.Keys.All(_form.Shows) ? "The federation was not started: see the fields marked." : problem.Readable;
        }
        catch (ApiProblem problem) when (problem.Status is HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.Forbidden)
        {
            _failure = $"The federation was not started: {problem.Message.Trim().TrimEnd('.')}.";
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
}
