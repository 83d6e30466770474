using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Admin;

public partial class Policies
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string[]>> _errors = [];
    private List<ApprovalPolicyInfo> _policies = [];
    private string? _modelInput;
    private string? _model;

    /// <summary>The model typed, once trimmed; null for the environments' policies.</summary>
    private string? Typed => string.IsNullOrWhiteSpace(_modelInput) ? null : _modelInput.Trim();

    /// <summary>The field names another scope than the policies shown: saving now would change the wrong one, so the editors wait for Show.</summary>
    private bool ScopePending => Typed != _model;

    protected override async Task LoadAsync() => _policies = [.. await Api.ApprovalPoliciesAsync(_model)];

    private async Task ShowAsync()
    {
        var model = Typed;
        if (await TryAsync(async () => _policies = [.. await Api.ApprovalPoliciesAsync(model)]))
        {
            _errors.Clear();
            _model = model;
        }
    }

    private async Task RemoveAsync(string environment)
    {
        if (await TryAsync(async () => await Api.RemoveModelApprovalPolicyAsync(_model!, environment)) && await TryAsync(LoadAsync))
        {
            Snackbar.Add($"{_model} is under the environment's {environment} policy again.", Severity.Success);
        }
    }

    private async Task SaveAsync(string environment, PolicyForm form)
    {
        _errors.Remove(environment);
        ApprovalPolicyInfo? saved = null;
        var ok = await TryAsync(async () =>
        {
            try
            {
                saved = await Api.SetApprovalPolicyAsync(environment, form.ToRequest(), _model);
            }
            catch (ApiProblem problem) when (problem.Errors.Count > 0)
            {
                _errors[environment] = problem.Errors;
                throw;
            }
        });
        if (ok)
        {
            _policies[_policies.FindIndex(p => p.Environment == environment)] = saved!;
            Snackbar.Add(_model is null ? $"The {environment} policy is saved." : $"{_model}'s own {environment} policy is saved.", Severity.Success);
        }
    }
}
