using System.Net;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Fleet;

public partial class NewRolloutForm
{
    /// <summary>Told the rollout the Api started.</summary>
    [Parameter] public EventCallback<RolloutInfo> Started { get; set; }

    private RolloutForm _form = new();
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _failure;
    private bool _busy;

    private string? Err(string field) => RolloutForm.Complaint(_errors, field);

    /// <summary>The complaint about a wave: about it as a whole (<c>waves[i]</c>) or its percent or count.</summary>
    private string? WaveErr(int index) =>
        _errors.Where(e => RolloutForm.WaveOf(e.Key) == index).SelectMany(e => e.Value).ToList() is { Count: > 0 } messages ? string.Join(" ", messages) : null;

    private async Task StartAsync()
    {
        (_errors, _failure) = (_form.Missing(), null);
        if (_errors.Count > 0)
        {
            return;
        }

        _busy = true;
        try
        {
            var rollout = await Api.StartRolloutAsync(_form.ToPlan());
            Snackbar.Add(rollout.State == RolloutStates.AwaitingApproval
                ? $"The rollout of {rollout.Model} v{rollout.Version} to {rollout.TotalDevices} devices awaits its approval."
                : $"The rollout of {rollout.Model} v{rollout.Version} to {rollout.TotalDevices} devices has started.", Severity.Success);
            _form = new();
            await Started.InvokeAsync(rollout);
        }
        catch (ApiProblem problem) when (problem.Status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict)
        {
            _failure = $"The rollout was not started: {Sentence(problem)}";
        }
        catch (ApiProblem problem) when (problem.Errors.Count > 0)
        {
            _errors = problem.Errors;
            _failure = problem.Errors.Keys.All(_form.Shows) ? "The rollout was not started: see the fields marked." : problem.Readable;
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

    /// <summary>The Api's detail as a sentence (its title when it gave none).</summary>
    private static string Sentence(ApiProblem problem)
    {
        var text = string.IsNullOrWhiteSpace(problem.Message) ? problem.Title : problem.Message.Trim();
        return text.EndsWith('.') ? text : text + ".";
    }
}
