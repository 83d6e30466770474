namespace Platform.Infrastructure.Bootstrap;

/// <summary>Section <c>Bootstrap</c>: the first admin, created when the database has no users.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string AdminUser { get; set; } = "admin";

    /// <summary>When empty, a password is generated and shown once (console and an owner-only file in the data folder).</summary>
    public string? AdminPassword { get; set; }
}
