using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Identity;
using Platform.Domain.Workspaces;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("Workspaces");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Name).HasMaxLength(Workspace.MaxNameLength).IsRequired();
        builder.HasIndex(w => w.Name).IsUnique();
        builder.Property(w => w.DisplayName).HasMaxLength(Workspace.MaxDisplayNameLength).IsRequired();
        builder.Property(w => w.Description).HasMaxLength(Workspace.MaxDescriptionLength);
        builder.Property(w => w.CreatedBy).HasMaxLength(User.MaxUserNameLength).IsRequired();

        // Where the data of the single space before workspaces lives (the migration adds every user with their roles).
        builder.HasData(new
        {
            Id = Workspace.DefaultId,
            Name = Workspace.DefaultName,
            DisplayName = "Default",
            Description = (string?)"Everything from before workspaces, and the first admin's own.",
            CreatedBy = "platform",
            CreatedAt = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero),
        });
    }
}

internal sealed class WorkspaceMemberConfiguration : IEntityTypeConfiguration<WorkspaceMember>
{
    public void Configure(EntityTypeBuilder<WorkspaceMember> builder)
    {
        builder.ToTable("WorkspaceMembers");
        builder.HasKey(m => new { m.WorkspaceId, m.UserId });
        builder.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.AddedBy).HasMaxLength(User.MaxUserNameLength).IsRequired();
        builder.Ignore(m => m.IsAdmin);
    }
}
