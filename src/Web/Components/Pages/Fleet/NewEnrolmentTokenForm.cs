using System.ComponentModel.DataAnnotations;

namespace Platform.Web.Components.Pages.Fleet;

/// <summary>The new-enrolment-token form: who it is for (the device's name), labels the device gets, and hours until it expires.</summary>
public sealed class NewEnrolmentTokenForm
{
    public const int MaxExpiryHours = 720;

    [Required(ErrorMessage = "Name the token (the device it is for).")]
    [StringLength(100, ErrorMessage = "A token name is at most 100 characters.")]
    public string Name { get; set; } = "";

    [Range(1, MaxExpiryHours, ErrorMessage = "A token expires in 1 to 720 hours.")]
    public int ExpiresInHours { get; set; } = 24;

    public LabelRows Labels { get; } = new();
}
