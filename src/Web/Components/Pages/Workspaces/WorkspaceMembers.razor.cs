using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Workspaces;

public partial class WorkspaceMembers
{
    public const int PageSize = 25;

    [Parameter, EditorRequired] public string Workspace { get; set; } = "";

    /// <summary>Whether the user may add, change and remove members (the workspace's Admin or a platform Admin).</summary>
    [Parameter] public bool CanAdminister { get; set; }

    private PagedList<WorkspaceMember>? _list;
    private string? _newUser;
    private List<string> _newRoles = ["Viewer"];
    private WorkspaceMember? _editing;
    private List<string> _editRoles = [];
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _failure;
    private bool _busy;

    private string? Complaint(string field) =>
        _errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { } messages ? string.Join(" ", messages) : null;

    private void Edit(WorkspaceMember member) => (_editing, _editRoles) = (member, [.. member.Roles]);

    private async Task AddAsync()
    {
        var userName = _newUser?.Trim() ?? "";
        if (await RunAsync(() => Api.PutWorkspaceMemberAsync(Workspace, userName, [.. _newRoles]), userName))
        {
            Snackbar.Add($"{userName} is a member of {Workspace} as {string.Join(", ", _newRoles)}.", Severity.Success);
            (_newUser, _newRoles) = (null, ["Viewer"]);
        }
    }

    private async Task SaveAsync(WorkspaceMember member)
    {
        if (await RunAsync(() => Api.PutWorkspaceMemberAsync(Workspace, member.UserName, [.. _editRoles]), member.UserName))
        {
            Snackbar.Add($"{member.UserName} now holds {string.Join(", ", _editRoles)} in {Workspace}.", Severity.Success);
            _editing = null;
        }
    }

    private async Task RemoveAsync(WorkspaceMember member)
    {
        var sure = await Dialogs.ShowMessageBoxAsync("Remove member", $"Remove {member.UserName} from {Workspace}? They will no longer see anything in it.",
            yesText: "Remove", cancelText: "Cancel");
        if (sure == true && await RunAsync(() => Api.RemoveWorkspaceMemberAsync(Workspace, member.UserName), member.UserName))
        {
            Snackbar.Add($"{member.UserName} is no longer a member of {Workspace}.", Severity.Success);
            _editing = null;
        }
    }

    /// <summary>Runs a change, then shows the first page again; a refusal stays on the panel as a sentence.</summary>
    private async Task<bool> RunAsync(Func<Task> change, string userName)
    {
        (_busy, _failure, _errors) = (true, null, new Dictionary<string, string[]>());
        try
        {
            await change();
            await (_list?.ReloadAsync() ?? Task.CompletedTask);
            return true;
        }
        catch (ApiProblem problem)
        {
            (_errors, _failure) = (problem.Errors, Describe(problem, userName));
            return false;
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _failure = message;
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    private static bool IsShownField(string key) =>
        string.Equals(key, "userName", StringComparison.OrdinalIgnoreCase) || string.Equals(key, "roles", StringComparison.OrdinalIgnoreCase);

    private string? Describe(ApiProblem problem, string userName) => problem switch
    {
        { Code: "workspace.last-admin" } =>
            $"{userName} is the last Admin of {Workspace}: make another member Admin first, then change or remove {userName}.",
        { Status: System.Net.HttpStatusCode.NotFound } => $"There is no user named '{userName}' (or they are no longer in {Workspace}).",
        { Status: System.Net.HttpStatusCode.Forbidden } => $"Only an Admin of {Workspace} or a platform Admin may change its members.",
        _ when problem.Errors.Count > 0 && problem.Errors.Keys.All(IsShownField) => null,
        _ => problem.Readable,
    };
}
