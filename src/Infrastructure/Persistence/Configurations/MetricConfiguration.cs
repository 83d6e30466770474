using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence.Configurations;

/// <summary>Metric points: history read by (run, key, step). Column names are used by the bulk writers too.</summary>
internal sealed class MetricPointConfiguration : IEntityTypeConfiguration<StoredMetricPoint>
{
    public void Configure(EntityTypeBuilder<StoredMetricPoint> builder)
    {
        builder.ToTable("MetricPoints");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedOnAdd();
        builder.Property(p => p.Key).HasMaxLength(TrackingKey.MaxLength).IsRequired();
        builder.HasOne<Run>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.RunId, p.Key, p.Step });
    }
}

/// <summary>Each run's latest value per key, indexed for search: filters look up (run, key); orders walk (key, value).</summary>
internal sealed class LatestMetricConfiguration : IEntityTypeConfiguration<LatestMetric>
{
    public void Configure(EntityTypeBuilder<LatestMetric> builder)
    {
        builder.ToTable("LatestMetrics", t =>
        {
            t.HasTrigger(RunKeyTriggers.MetricInserted);
            t.HasTrigger(RunKeyTriggers.MetricDeleted);
        });
        builder.HasKey(m => new { m.RunId, m.Key });
        builder.Property(m => m.Key).HasMaxLength(TrackingKey.MaxLength);
        builder.HasOne<Run>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.Key, m.Value, m.RunId, m.Special });
        builder.Ignore(m => m.DecodedValue);
    }
}
