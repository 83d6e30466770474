using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Fleet;

public partial class LabelsEditor
{
    [Parameter, EditorRequired] public DeviceInfo Device { get; set; } = null!;

    /// <summary>Told once the labels are saved.</summary>
    [Parameter] public EventCallback Saved { get; set; }

    private LabelRows _rows = new();
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _failure;
    private bool _busy;
    private Guid _shown;
    private IReadOnlyDictionary<string, string>? _shownLabels;

    protected override void OnParametersSet()
    {
        // A device read again with other labels (saved here, or changed elsewhere) resets the rows; the same labels keep what is typed.
        if (Device.Id != _shown || !SameLabels(Device.Labels, _shownLabels))
        {
            (_shown, _shownLabels, _rows) = (Device.Id, Device.Labels, LabelRows.From(Device.Labels));
        }
    }

    private async Task SaveAsync()
    {
        (_failure, _errors) = (_rows.Duplicate is { } twice ? $"The key \"{twice}\" is written twice; keep one." : null, new Dictionary<string, string[]>());
        if (_failure is not null)
        {
            return;
        }

        var labels = _rows.ToDictionary();
        var shown = labels.Count == 0 ? "no labels" : string.Join(", ", labels.Select(l => $"{l.Key}={l.Value}"));
        var sure = await Dialogs.ShowMessageBoxAsync("Save labels", $"Give {Device.Name} {shown}? Rollouts and groups pick devices by their labels.",
            yesText: "Save", cancelText: "Cancel");
        if (sure != true)
        {
            return;
        }

        _busy = true;
        try
        {
            await Api.RelabelDeviceAsync(Device.Id, labels);
            Snackbar.Add($"The labels of {Device.Name} are saved.", Severity.Success);
            await Saved.InvokeAsync();
        }
        catch (ApiProblem problem) when (problem.Errors.Count > 0)
        {
            _errors = problem.Errors;
            _failure = LabelRows.AllOnRows(problem.Errors, labels) ? "Some labels were refused: see the fields marked." : problem.Readable;
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

    private static bool SameLabels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string>? b) =>
        b is not null && a.Count == b.Count && a.All(l => b.TryGetValue(l.Key, out var v) && v == l.Value);
}
