using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class RunTagConfiguration : IEntityTypeConfiguration<RunTag>
{
    public void Configure(EntityTypeBuilder<RunTag> builder)
    {
        builder.ToTable("RunTags");
        builder.HasKey(t => new { t.RunId, t.Key });
        builder.Property(t => t.Key).HasMaxLength(TrackingKey.MaxLength);
        builder.Property(t => t.Value).HasMaxLength(RunTag.MaxValueLength).IsRequired();
    }
}
