using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Datasets;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class DatasetVersionConfiguration : IEntityTypeConfiguration<DatasetVersion>
{
    public void Configure(EntityTypeBuilder<DatasetVersion> builder)
    {
        builder.ToTable("DatasetVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Name).HasMaxLength(DatasetVersion.MaxNameLength).IsRequired();
        builder.Property(v => v.Format).HasMaxLength(20).IsRequired();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(v => v.ProfileJson).IsRequired();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.CreatedBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(v => new { v.WorkspaceId, v.Name, v.Version }).IsUnique();
        builder.HasIndex(v => v.Sha256);
        builder.HasIndex(v => v.Status);
    }
}
