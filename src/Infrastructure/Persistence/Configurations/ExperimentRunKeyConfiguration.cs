using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Experiments;
using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence.Configurations;

/// <summary>
/// The experiments' param and metric keys, one row each, ordered by key within (experiment, kind) by its primary key.
/// Rows are written by the triggers <see cref="RunKeyTriggers"/> names on RunParams and LatestMetrics (migration
/// RunKeys), never by EF Core.
/// </summary>
internal sealed class ExperimentRunKeyConfiguration : IEntityTypeConfiguration<ExperimentRunKey>
{
    public void Configure(EntityTypeBuilder<ExperimentRunKey> builder)
    {
        builder.ToTable("RunKeys");
        builder.HasKey(k => new { k.ExperimentId, k.Kind, k.Key });
        builder.Property(k => k.Key).HasMaxLength(TrackingKey.MaxLength);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(k => k.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The triggers that keep RunKeys: EF Core must know them to write RunParams and LatestMetrics without OUTPUT/RETURNING clauses they break.</summary>
internal static class RunKeyTriggers
{
    public const string ParamInserted = "RunParams_RunKeys";
    public const string MetricInserted = "LatestMetrics_RunKeys";
    public const string MetricDeleted = "LatestMetrics_RunKeys_Delete";
}
