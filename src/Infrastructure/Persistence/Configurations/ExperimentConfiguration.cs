using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Experiments;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.ToTable("Experiments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(Experiment.MaxNameLength).IsRequired();
        builder.HasIndex(e => new { e.WorkspaceId, e.Name }).IsUnique();
        builder.Property(e => e.Description).HasMaxLength(Experiment.MaxDescriptionLength);
        builder.Property(e => e.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.LifecycleStage, e.Id });
        builder.Ignore(e => e.IsArchived);
    }
}
