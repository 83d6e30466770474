using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Domain.Identity;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// <c>Auth:WorkspaceRoles</c> read once: the roles per workspace that an external identity's groups give it, the
/// union over every mapping whose group it carries. The group claim is read whether the token held it as a JSON array
/// (one claim per element), as repeated claims, or as one claim whose value is a JSON array.
/// </summary>
internal sealed class GroupWorkspaceRoles(IOptions<AuthOptions> options)
{
    private readonly string _groupClaim = options.Value.GroupClaim;

    private readonly ILookup<string, (string Workspace, Role Roles)> _byGroup = options.Value.WorkspaceRoles.ToLookup(
        m => m.Group,
        m => (m.Workspace, m.Roles.Select(r => RoleExtensions.TryParseAssignable(r, out var role) ? role : Role.None).Combine()),
        StringComparer.Ordinal);

    /// <summary>Workspace name to roles for <paramref name="principal"/>'s groups; empty when none of them is mapped.</summary>
    public IReadOnlyDictionary<string, Role> Of(ClaimsPrincipal principal)
    {
        var held = new Dictionary<string, Role>(StringComparer.Ordinal);
        foreach (var (workspace, roles) in Groups(principal).SelectMany(g => _byGroup[g]))
        {
            held[workspace] = held.GetValueOrDefault(workspace) | roles;
        }

        return held;
    }

    private IEnumerable<string> Groups(ClaimsPrincipal principal) =>
        principal.FindAll(_groupClaim).SelectMany(c => c.Value.StartsWith('[') ? FromJsonArray(c.Value) : [c.Value]);

    private static IEnumerable<string> FromJsonArray(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(value) ?? [];
        }
        catch (JsonException)
        {
            return [value];
        }
    }
}
