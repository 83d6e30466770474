using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("Jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.HardwareClass).HasConversion<string>().HasMaxLength(10);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.ParametersJson).IsRequired();
        builder.Property(j => j.SubmittedBy).HasMaxLength(200).IsRequired();
        builder.Property(j => j.Reason).HasMaxLength(Job.MaxReasonLength);
        builder.Property(j => j.WorkerId).HasMaxLength(200);
        builder.Property(j => j.Phase).HasMaxLength(200);
        builder.Property(j => j.ProgressMessage).HasMaxLength(1000);
        builder.Property(j => j.Version).IsConcurrencyToken();
        builder.HasOne<Run>().WithMany().HasForeignKey(j => j.RunId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(j => new { j.State, j.Id });
        builder.HasIndex(j => new { j.SubmittedByUserId, j.Id });
    }
}

internal sealed class JobLogLineConfiguration : IEntityTypeConfiguration<JobLogLine>
{
    public void Configure(EntityTypeBuilder<JobLogLine> builder)
    {
        builder.ToTable("JobLogLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Text).HasMaxLength(JobLogLine.MaxLength).IsRequired();
        builder.HasOne<Job>().WithMany().HasForeignKey(l => l.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.JobId, l.Sequence }).IsUnique();
    }
}

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> builder)
    {
        builder.ToTable("Workers");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).HasMaxLength(200);
        builder.Property(w => w.Name).HasMaxLength(200).IsRequired();
        builder.Property(w => w.GpuName).HasMaxLength(200);
        builder.Property(w => w.CudaVersion).HasMaxLength(50);
        builder.Property(w => w.Kinds).HasMaxLength(200).IsRequired();
        builder.Property(w => w.HardwareClasses).HasMaxLength(50).IsRequired();
        builder.HasIndex(w => w.LastSeenAt);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageType).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.Destination).HasMaxLength(200);
        builder.Property(m => m.TraceParent).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.SentAt, m.Id });
    }
}
