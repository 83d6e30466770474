using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Workspaces;

public partial class NewWorkspace
{
    private string? _name;
    private string? _displayName;
    private string? _description;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _failure;
    private bool _busy;

    protected override Task LoadAsync() => Task.CompletedTask;

    private string? Complaint(string field) =>
        _errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { } messages ? string.Join(" ", messages) : null;

    /// <summary>Creates the workspace; the Api checks the name and its complaints show beside the field; then the portal switches to it.</summary>
    private async Task CreateAsync()
    {
        (_busy, _failure, _errors) = (true, null, new Dictionary<string, string[]>());
        try
        {
            var created = await Api.CreateWorkspaceAsync(_name?.Trim() ?? "", Optional(_displayName), Optional(_description));
            Snackbar.Add($"Workspace {created.Name} is created; you are its Admin.", Severity.Success);
            await Workspaces.SwitchAsync(created.Name);
        }
        catch (ApiProblem problem)
        {
            (_errors, _failure) = problem switch
            {
                { Code: "workspace.name-taken" } => (new Dictionary<string, string[]> { ["name"] = [problem.Message] }, null),
                { Errors.Count: > 0 } => (problem.Errors, problem.Errors.Keys.All(Shown) ? null : problem.Readable),
                _ => (problem.Errors, problem.Readable),
            };
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

    private static bool Shown(string field) => field.ToLowerInvariant() is "name" or "displayname" or "description";

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
