using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Artifacts;
using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class ArtifactConfiguration : IEntityTypeConfiguration<Artifact>
{
    public void Configure(EntityTypeBuilder<Artifact> builder)
    {
        builder.ToTable("Artifacts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Path).HasMaxLength(ArtifactPath.MaxLength).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(a => a.CreatedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<Run>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.RunId, a.Path }).IsUnique();
        builder.HasIndex(a => a.Sha256);
    }
}
