using System.Text.RegularExpressions;
using Platform.Domain.Common;

namespace Platform.Domain.Workspaces;

/// <summary>
/// A tenant of the platform: a team's own space, named in URLs (lowercase letters, digits and hyphens), with a display
/// name, a description and <see cref="WorkspaceMember"/>s holding roles in it. Existing single-space data lives in
/// <see cref="DefaultName"/>, created by the migration that introduced workspaces.
/// </summary>
public sealed partial class Workspace
{
    public const int MaxNameLength = 63;
    public const int MaxDisplayNameLength = 100;
    public const int MaxDescriptionLength = 2000;
    public const string DefaultName = "default";

    /// <summary>The id the migration gives <see cref="DefaultName"/>.</summary>
    public static readonly Guid DefaultId = Guid.Parse("00000000-0000-7000-8000-000000000001");

    private Workspace()
    {
        Name = string.Empty;
        DisplayName = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string DisplayName { get; private set; }
    public string? Description { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static bool IsValidName(string? name) => name is { Length: > 0 and <= MaxNameLength } && NamePattern().IsMatch(name);

    public static Workspace Create(string name, string? displayName, string? description, string createdBy, DateTimeOffset now)
    {
        if (!IsValidName(name))
        {
            throw new DomainException(
                "workspace.name", $"A workspace name is 1 to {MaxNameLength} lowercase letters, digits and hyphens, starting with a letter.");
        }

        var workspace = new Workspace { Id = Ids.New(), Name = name, CreatedBy = createdBy, CreatedAt = now };
        workspace.Describe(displayName ?? name, description);
        return workspace;
    }

    /// <summary>Changes what people read: the display name (1 to 100 characters) and the description (up to 2,000).</summary>
    public void Describe(string displayName, string? description)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > MaxDisplayNameLength)
        {
            throw new DomainException("workspace.display-name", $"A display name is 1 to {MaxDisplayNameLength} characters.");
        }

        if (description is { Length: > MaxDescriptionLength })
        {
            throw new DomainException("workspace.description", $"A description holds at most {MaxDescriptionLength} characters.");
        }

        (DisplayName, Description) = (displayName.Trim(), string.IsNullOrWhiteSpace(description) ? null : description);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
