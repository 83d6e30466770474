using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;
using Platform.Domain.Workspaces;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Bootstrap;

/// <summary>
/// Creates the first admin when there are no users. A generated password goes to the console once and to an
/// owner-only file; it never reaches structured logs.
/// </summary>
public sealed class FirstAdminBootstrapper(
    PlatformDbContext db, IPasswordHasher hasher, IOptions<BootstrapOptions> options, IOptions<PlatformOptions> platform,
    TimeProvider clock, ILogger<FirstAdminBootstrapper> logger)
{
    public const string PasswordFileName = "initial-admin-password.txt";

    public async Task EnsureAdminAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = options.Value;
        var generated = string.IsNullOrEmpty(settings.AdminPassword);
        var password = generated ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)) : settings.AdminPassword!;
        var admin = User.Create(settings.AdminUser, hasher.Hash(password), Role.Admin, clock.GetUtcNow());
        db.Users.Add(admin);
        db.WorkspaceMembers.Add(WorkspaceMember.Add(Workspace.DefaultId, admin.Id, Role.Admin, "platform", admin.CreatedAt)); // the Admin of 'default'
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Application.Common.Exceptions.ConflictException)
        {
            // Another api replica starting at the same moment created the first admin: nothing left to do.
            logger.LogInformation("The first admin was created by another instance");
            return;
        }

        if (!generated)
        {
            logger.LogInformation("Created the first admin user {UserName} with the configured password", settings.AdminUser);
            return;
        }

        var file = platform.Value.Resolve(PasswordFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Delete(file);
        SecretFile.Write(file, $"user: {settings.AdminUser}{Environment.NewLine}password: {password}{Environment.NewLine}");
        logger.LogInformation("Created the first admin user {UserName}; the generated password is in {PasswordFile}", settings.AdminUser, file);
        Console.WriteLine();
        Console.WriteLine("  First admin account created (shown once; also saved, owner-only, in " + file + "):");
        Console.WriteLine("    user:     " + settings.AdminUser);
        Console.WriteLine("    password: " + password);
        Console.WriteLine();
    }
}
