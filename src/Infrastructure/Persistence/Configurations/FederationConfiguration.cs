using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Federated;
using Platform.Domain.Fleet;
using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class FederationConfiguration : IEntityTypeConfiguration<Federation>
{
    public void Configure(EntityTypeBuilder<Federation> builder)
    {
        builder.ToTable("Federations");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Name).HasMaxLength(Federation.MaxNameLength).IsRequired();
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Plan).AsJson(4000);
        // The shape holds the normalisation of every feature: unbounded text, read with the federation.
        builder.Property(f => f.Shape).AsJson(int.MaxValue).IsRequired(false);
        builder.Property(f => f.Weights).IsRequired();
        builder.Property(f => f.ServerState).IsRequired();
        builder.Property(f => f.Reason).HasMaxLength(Federation.MaxReasonLength).IsRequired();
        builder.Property(f => f.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(f => f.ConcurrencyVersion).IsConcurrencyToken();
        builder.Ignore(f => f.IsActive);
        builder.HasOne<Run>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.WorkspaceId, f.State });
        builder.HasIndex(f => f.ExperimentId);
    }
}

internal sealed class FederationRoundConfiguration : IEntityTypeConfiguration<FederationRound>
{
    public void Configure(EntityTypeBuilder<FederationRound> builder)
    {
        builder.ToTable("FederationRounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Sites).AsJson(int.MaxValue);
        builder.Property(r => r.Reason).HasMaxLength(FederationRound.MaxReasonLength).IsRequired();
        builder.HasOne<Federation>().WithMany().HasForeignKey(r => r.FederationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.FederationId, r.Number, r.Attempt }).IsUnique();
        builder.HasIndex(r => r.State);
    }
}

internal sealed class FederationSubmissionConfiguration : IEntityTypeConfiguration<FederationSubmission>
{
    public void Configure(EntityTypeBuilder<FederationSubmission> builder)
    {
        builder.ToTable("FederationSubmissions");
        // One message per site, phase and round: of two sent at once, the second save fails instead of counting twice.
        builder.HasKey(s => new { s.RoundId, s.DeviceId, s.Phase });
        builder.Property(s => s.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Payload).IsRequired();
        builder.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.HasOne<FederationRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        // A site's earlier update replayed into a later round is found by its hash.
        builder.HasIndex(s => new { s.DeviceId, s.Sha256 });
    }
}

internal sealed class FederationSiteConfiguration : IEntityTypeConfiguration<FederationSite>
{
    public void Configure(EntityTypeBuilder<FederationSite> builder)
    {
        builder.ToTable("FederationSites");
        builder.HasKey(s => new { s.FederationId, s.DeviceId });
        builder.Property(s => s.AdmittedBy).HasMaxLength(200).IsRequired();
        builder.Ignore(s => s.Consents);
        builder.HasOne<Federation>().WithMany().HasForeignKey(s => s.FederationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Device>().WithMany().HasForeignKey(s => s.DeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.DeviceId);
    }
}

internal sealed class SiteDatasetConfiguration : IEntityTypeConfiguration<SiteDataset>
{
    public void Configure(EntityTypeBuilder<SiteDataset> builder)
    {
        builder.ToTable("SiteDatasets");
        builder.HasKey(s => new { s.DeviceId, s.Name });
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Columns).AsJson(int.MaxValue);
        builder.HasOne<Device>().WithMany().HasForeignKey(s => s.DeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.Name);
    }
}
