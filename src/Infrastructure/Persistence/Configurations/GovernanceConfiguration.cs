using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class ApprovalPolicyConfiguration : IEntityTypeConfiguration<ApprovalPolicy>
{
    public void Configure(EntityTypeBuilder<ApprovalPolicy> builder)
    {
        builder.ToTable("ApprovalPolicies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Environment).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.GateDataset).HasMaxLength(Domain.Datasets.DatasetVersion.MaxNameLength);
        builder.Property(p => p.GateSplit).HasMaxLength(20).IsRequired();
        builder.Property(p => p.GatesJson).IsRequired();
        builder.Property(p => p.RegressionLimitsJson).IsRequired();
        builder.Property(p => p.UpdatedBy).HasMaxLength(200).IsRequired();
        builder.Property(p => p.ConcurrencyVersion).IsConcurrencyToken();
        builder.Ignore(p => p.Gates);
        builder.Ignore(p => p.RegressionLimits);
        // One environment-wide policy per environment, and one per model and environment. No foreign key to the model
        // (models are never deleted): on SQLite adding one would rebuild the table outside the migration's transaction.
        builder.HasIndex(p => new { p.WorkspaceId, p.Environment }).IsUnique().HasFilter("\"ModelId\" IS NULL");
        builder.HasIndex(p => new { p.ModelId, p.Environment }).IsUnique().HasFilter("\"ModelId\" IS NOT NULL");
    }
}

internal sealed class PromotionRequestConfiguration : IEntityTypeConfiguration<PromotionRequest>
{
    public void Configure(EntityTypeBuilder<PromotionRequest> builder)
    {
        builder.ToTable("PromotionRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TargetStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Justification).HasMaxLength(PromotionRequest.MaxTextLength).IsRequired();
        builder.Property(r => r.RequestedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.ClosedBy).HasMaxLength(200);
        builder.Property(r => r.PolicyJson).IsRequired();
        builder.Property(r => r.RequestEvidenceJson).IsRequired();
        builder.Property(r => r.ConcurrencyVersion).IsConcurrencyToken();
        builder.Ignore(r => r.Approvals);
        builder.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<RegisteredModel>().WithMany().HasForeignKey(r => r.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(r => r.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasIndex(r => new { r.ModelVersionId, r.TargetStage, r.Status });
    }
}

internal sealed class PromotionDecisionConfiguration : IEntityTypeConfiguration<PromotionDecision>
{
    public void Configure(EntityTypeBuilder<PromotionDecision> builder)
    {
        builder.ToTable("PromotionDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Actor).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Comment).HasMaxLength(PromotionRequest.MaxTextLength);
    }
}

internal sealed class StageTransitionConfiguration : IEntityTypeConfiguration<StageTransition>
{
    public void Configure(EntityTypeBuilder<StageTransition> builder)
    {
        builder.ToTable("StageTransitions");
        builder.HasKey(t => t.Sequence);
        builder.Property(t => t.Sequence).ValueGeneratedOnAdd();
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Actor).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Reason).HasMaxLength(StageTransition.MaxReasonLength).IsRequired();
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(t => t.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.ModelVersionId, t.Sequence });
        builder.HasIndex(t => new { t.ModelId, t.Sequence });
    }
}

internal sealed class ModelVersionTagConfiguration : IEntityTypeConfiguration<ModelVersionTag>
{
    public void Configure(EntityTypeBuilder<ModelVersionTag> builder)
    {
        builder.ToTable("ModelVersionTags");
        builder.HasKey(t => new { t.ModelVersionId, t.Key });
        builder.Property(t => t.Key).HasMaxLength(ModelVersionTag.MaxKeyLength);
        builder.Property(t => t.Value).HasMaxLength(ModelVersionTag.MaxValueLength).IsRequired();
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(t => t.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.Key, t.Value });
    }
}
