using Microsoft.AspNetCore.Components;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Admin;

public partial class PolicyEditor
{
    private PolicyForm _form = new();
    private ApprovalPolicyInfo? _shown;
    private IReadOnlyDictionary<string, string> _problems = new Dictionary<string, string>();

    [Parameter, EditorRequired] public ApprovalPolicyInfo Policy { get; set; } = null!;

    /// <summary>The Api's validation errors from the last save, by field path.</summary>
    [Parameter] public IReadOnlyDictionary<string, string[]>? ServerErrors { get; set; }

    /// <summary>Sends the policy; raised only once the form has nothing left to fix.</summary>
    [Parameter] public EventCallback<PolicyForm> OnSave { get; set; }

    [Parameter] public bool Busy { get; set; }

    private string Env => Policy.Environment.ToLowerInvariant();

    /// <summary>Every complaint, the browser's first, then the Api's, by field.</summary>
    private IReadOnlyList<(string Field, string Message)> AllErrors =>
        [.. _problems.Select(p => (p.Key, p.Value)), .. (ServerErrors ?? new Dictionary<string, string[]>()).Where(e => !_problems.ContainsKey(e.Key)).Select(e => (e.Key, string.Join(" ", e.Value)))];

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shown, Policy))
        {
            (_shown, _form, _problems) = (Policy, PolicyForm.From(Policy), new Dictionary<string, string>());
        }
    }

    private string? Error(string field) =>
        _problems.TryGetValue(field, out var mine) ? mine
        : ServerErrors is not null && ServerErrors.TryGetValue(field, out var theirs) ? string.Join(" ", theirs)
        : null;

    private async Task SaveAsync()
    {
        _problems = _form.Problems();
        if (_problems.Count == 0)
        {
            await OnSave.InvokeAsync(_form);
        }
    }
}
