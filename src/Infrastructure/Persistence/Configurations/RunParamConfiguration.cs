using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class RunParamConfiguration : IEntityTypeConfiguration<RunParam>
{
    public void Configure(EntityTypeBuilder<RunParam> builder)
    {
        builder.ToTable("RunParams", t => t.HasTrigger(RunKeyTriggers.ParamInserted));
        builder.HasKey(p => new { p.RunId, p.Key });
        builder.Property(p => p.Key).HasMaxLength(TrackingKey.MaxLength);
        builder.Property(p => p.Value).HasMaxLength(RunParam.MaxValueLength).IsRequired();
    }
}
