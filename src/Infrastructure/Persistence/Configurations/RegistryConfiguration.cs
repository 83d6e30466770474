using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Registry;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class RegisteredModelConfiguration : IEntityTypeConfiguration<RegisteredModel>
{
    public void Configure(EntityTypeBuilder<RegisteredModel> builder)
    {
        builder.ToTable("RegisteredModels");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(RegisteredModel.MaxNameLength).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(RegisteredModel.MaxDescriptionLength);
        builder.Property(m => m.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(m => m.ConcurrencyVersion).IsConcurrencyToken();
        builder.HasIndex(m => new { m.WorkspaceId, m.Name }).IsUnique();
    }
}

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.ToTable("ModelVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ArtifactSha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(v => v.InputSchemaJson).IsRequired();
        builder.Property(v => v.OutputSchemaJson).IsRequired();
        builder.Property(v => v.LineageJson).IsRequired();
        builder.Property(v => v.MetricsJson).IsRequired();
        builder.Property(v => v.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.CreatedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<RegisteredModel>().WithMany().HasForeignKey(v => v.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ModelId, v.Number }).IsUnique();
        builder.HasIndex(v => v.SourceRunId);
        builder.HasIndex(v => v.ArtifactSha256);
    }
}

internal sealed class ModelEvaluationConfiguration : IEntityTypeConfiguration<ModelEvaluation>
{
    public void Configure(EntityTypeBuilder<ModelEvaluation> builder)
    {
        builder.ToTable("ModelEvaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.DatasetName).HasMaxLength(Domain.Datasets.DatasetVersion.MaxNameLength).IsRequired();
        builder.Property(e => e.DatasetSha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(e => e.Split).HasMaxLength(20).IsRequired();
        builder.Property(e => e.MetricsJson).IsRequired();
        builder.Property(e => e.ReportJson).IsRequired();
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(e => e.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ModelVersionId, e.DatasetName, e.DatasetVersion, e.Split, e.CreatedAt });
        builder.HasIndex(e => e.JobId).IsUnique();
    }
}

internal sealed class ModelAliasConfiguration : IEntityTypeConfiguration<ModelAlias>
{
    public void Configure(EntityTypeBuilder<ModelAlias> builder)
    {
        builder.ToTable("ModelAliases");
        builder.HasKey(a => new { a.ModelId, a.Alias });
        builder.Property(a => a.Alias).HasMaxLength(ModelAlias.MaxLength);
        builder.Property(a => a.SetBy).HasMaxLength(200).IsRequired();
        builder.HasOne<RegisteredModel>().WithMany().HasForeignKey(a => a.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(a => a.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<Domain.Auditing.AuditEvent>
{
    public void Configure(EntityTypeBuilder<Domain.Auditing.AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Summary).IsRequired();
        builder.Property(e => e.TraceId).HasMaxLength(32);
        builder.Property(e => e.SourceAddress).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.Actor);
        builder.HasIndex(e => e.Hash);
        builder.HasIndex(e => new { e.WorkspaceId, e.Sequence });
    }
}
