using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Deployments;
using Platform.Domain.Registry;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> builder)
    {
        builder.ToTable("Deployments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(Deployment.MaxNameLength).IsUnicode(false).IsRequired();
        builder.Property(d => d.Environment).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.HardwareClass).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.CanaryPolicyJson).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.DriftPolicyJson).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.ValidatedVersionsJson).IsRequired();
        builder.Property(d => d.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(d => d.ConcurrencyVersion).IsConcurrencyToken();
        builder.Ignore(d => d.CanaryPolicy);
        builder.Ignore(d => d.DriftPolicy);
        builder.Ignore(d => d.ValidatedVersions);
        builder.HasOne<RegisteredModel>().WithMany().HasForeignKey(d => d.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.WorkspaceId, d.Name }).IsUnique();
    }
}

internal sealed class DeploymentRevisionConfiguration : IEntityTypeConfiguration<DeploymentRevision>
{
    public void Configure(EntityTypeBuilder<DeploymentRevision> builder)
    {
        builder.ToTable("DeploymentRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Environment).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.HardwareClass).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.TrafficJson).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(DeploymentRevision.MaxReasonLength).IsRequired();
        builder.Property(r => r.FailureReason).HasMaxLength(DeploymentRevision.MaxReasonLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Ignore(r => r.Traffic);
        builder.HasOne<Deployment>().WithMany().HasForeignKey(r => r.DeploymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.DeploymentId, r.Number }).IsUnique();
        builder.HasIndex(r => r.DeployJobId);
    }
}

internal sealed class InferenceKeyConfiguration : IEntityTypeConfiguration<InferenceKey>
{
    public void Configure(EntityTypeBuilder<InferenceKey> builder)
    {
        builder.ToTable("InferenceKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(InferenceKey.MaxNameLength).IsRequired();
        builder.Property(k => k.KeyHash).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(20).IsUnicode(false).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<Deployment>().WithMany().HasForeignKey(k => k.DeploymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasIndex(k => new { k.DeploymentId, k.CreatedAt });
    }
}

internal sealed class MonitoringSnapshotConfiguration : IEntityTypeConfiguration<MonitoringSnapshot>
{
    public void Configure(EntityTypeBuilder<MonitoringSnapshot> builder)
    {
        builder.ToTable("MonitoringSnapshots");
        builder.HasKey(s => s.Sequence);
        builder.Property(s => s.Sequence).ValueGeneratedOnAdd();
        builder.Property(s => s.Host).HasMaxLength(MonitoringSnapshot.MaxHostLength).IsRequired();
        builder.Property(s => s.DriftJson).IsRequired();
        builder.HasOne<Deployment>().WithMany().HasForeignKey(s => s.DeploymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.DeploymentId, s.Version, s.Sequence });
    }
}
