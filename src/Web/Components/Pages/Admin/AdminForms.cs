using System.ComponentModel.DataAnnotations;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Admin;

/// <summary>The new-user form, checked in the browser before the Api checks it again.</summary>
public sealed class NewUserForm
{
    [Required(ErrorMessage = "Enter a user name.")]
    [StringLength(100, ErrorMessage = "A user name is at most 100 characters.")]
    [RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessage = "Use letters, digits, '.', '_', '@' and '-'.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(1024, MinimumLength = 12, ErrorMessage = "A password has at least 12 characters.")]
    public string Password { get; set; } = "";

    [MinLength(1, ErrorMessage = "Pick at least one role.")]
    public List<string> Roles { get; set; } = [];
}

/// <summary>The new-token form: a name, some of the owner's roles, and days until it expires.</summary>
public sealed class NewTokenForm
{
    public const int MaxExpiryDays = 366;

    [Required(ErrorMessage = "Name the token (what uses it).")]
    [StringLength(100, ErrorMessage = "A token name is at most 100 characters.")]
    public string Name { get; set; } = "";

    [MinLength(1, ErrorMessage = "Pick at least one role.")]
    public List<string> Roles { get; set; } = [];

    [Range(1, MaxExpiryDays, ErrorMessage = "A token expires in 1 to 366 days.")]
    public int ExpiresInDays { get; set; } = 90;

    /// <summary>The roles a token may hold: the owner's own (an Admin holds them all).</summary>
    public static IReadOnlyList<string> Grantable(IReadOnlyList<string> ownRoles) =>
        ownRoles.Contains(PlatformRoles.Admin) ? PlatformRoles.All : [.. PlatformRoles.All.Where(ownRoles.Contains)];
}

/// <summary>The new-webhook form: no event type picked means every event.</summary>
public sealed class NewWebhookForm
{
    [Required(ErrorMessage = "Name the webhook.")]
    [StringLength(100, ErrorMessage = "A webhook name is at most 100 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the URL to post to.")]
    [Url(ErrorMessage = "Enter an absolute http or https URL.")]
    public string Url { get; set; } = "";

    public List<string> EventTypes { get; set; } = [];
}
