using Microsoft.Extensions.Options;
using Platform.Domain.Identity;
using Platform.Domain.Workspaces;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Checks <c>Auth:WorkspaceRoles</c> when the host starts, so that a mistyped role or workspace stops it with the key
/// and index to fix instead of silently granting nothing.
/// </summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.WorkspaceRoles.Count > 0 && string.IsNullOrWhiteSpace(options.GroupClaim))
        {
            failures.Add($"{AuthOptions.Section}:{nameof(AuthOptions.GroupClaim)} must name a claim when {AuthOptions.Section}:{nameof(AuthOptions.WorkspaceRoles)} is set.");
        }

        for (var i = 0; i < options.WorkspaceRoles.Count; i++)
        {
            failures.AddRange(Problems(options.WorkspaceRoles[i], $"{AuthOptions.Section}:{nameof(AuthOptions.WorkspaceRoles)}:{i}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Problems(WorkspaceRoleMapping mapping, string key)
    {
        if (string.IsNullOrWhiteSpace(mapping.Group))
        {
            yield return $"{key}:{nameof(mapping.Group)} is empty; name the group the token carries.";
        }

        if (!Workspace.IsValidName(mapping.Workspace))
        {
            yield return $"{key}:{nameof(mapping.Workspace)} '{mapping.Workspace}' is not a workspace name "
                + $"(1 to {Workspace.MaxNameLength} lowercase letters, digits and hyphens, starting with a letter).";
        }

        if (mapping.Roles.Count == 0)
        {
            yield return $"{key}:{nameof(mapping.Roles)} is empty; give at least one of {RoleNames}.";
        }

        foreach (var role in mapping.Roles.Where(r => !RoleExtensions.TryParseAssignable(r, out _)))
        {
            yield return $"{key}:{nameof(mapping.Roles)}: '{role}' is not a role; use {RoleNames}.";
        }
    }

    private static string RoleNames => string.Join(", ", RoleExtensions.All);
}
