namespace Platform.Web.Api;

/// <summary>
/// Where the portal's Api calls go: a workspace's resources under <c>api/v1/workspaces/{workspace}/…</c>, the
/// platform-wide routes at the root. The one place that decides it: every call of <see cref="PlatformApiClient"/> passes here.
/// </summary>
public static class WorkspacePaths
{
    /// <summary>The workspace every person belongs to, and the one a path that names none means.</summary>
    public const string Default = "default";

    private const string Root = "api/v1/";

    /// <summary>
    /// The routes that live at the root only (the Api's platform-wide groups): sign-in, users, workspaces with their
    /// members and quotas, personal access tokens, the audit trail and the worker fleet. Job reports and the opening of a download link
    /// are platform-wide too, but the portal never calls them (a worker does; the browser follows the link the Api made).
    /// </summary>
    public static readonly IReadOnlyList<string> PlatformWide = ["auth", "users", "workspaces", "tokens", "audit", "workers"];

    /// <summary>The path inside <paramref name="workspace"/> for a workspace's resource; a platform-wide or non-Api path as it is.</summary>
    public static string Resolve(string path, string workspace)
    {
        if (!path.StartsWith(Root, StringComparison.Ordinal) || IsPlatformWide(path))
        {
            return path;
        }

        return $"{Root}workspaces/{Uri.EscapeDataString(workspace)}/{path[Root.Length..]}";
    }

    /// <summary>Whether an <c>api/v1/…</c> path's first segment is one of <see cref="PlatformWide"/> (whole segments: "users" but not "usersx").</summary>
    public static bool IsPlatformWide(string path)
    {
        var rest = path.StartsWith(Root, StringComparison.Ordinal) ? path[Root.Length..] : path;
        var end = rest.IndexOfAny(['/', '?']);
        var first = end < 0 ? rest : rest[..end];
        return PlatformWide.Contains(first, StringComparer.Ordinal);
    }
}
