using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Fleet;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("Devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(Device.MaxNameLength).IsRequired();
        // A write that loaded the device before its state or credential changed (a report, a token request, a rollout's
        // assignment racing a suspension, a revocation racing a key rotation) is refused, never written over the change.
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(d => d.CredentialVersion).IsConcurrencyToken();
        builder.Property(d => d.PublicKeyJwk).HasMaxLength(400).IsUnicode(false).IsRequired();
        builder.Property(d => d.KeyThumbprint).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(d => d.InventoryJson).HasMaxLength(Device.MaxInventoryLength).IsRequired();
        builder.Property(d => d.ReportJson).HasMaxLength(20_000);
        builder.Ignore(d => d.Labels);
        builder.Ignore(d => d.MayCall);
        // One row per label, keyed by device and name: a selector's requirement is an indexed EXISTS on (Key, Value).
        builder.OwnsMany(d => d.LabelRows, labels =>
        {
            labels.ToTable("DeviceLabels");
            labels.WithOwner().HasForeignKey("DeviceId");
            labels.Property(l => l.Key).HasMaxLength(63).IsUnicode(false);
            labels.Property(l => l.Value).HasMaxLength(63).IsUnicode(false).IsRequired();
            labels.HasKey("DeviceId", nameof(DeviceLabel.Key));
            labels.HasIndex(l => new { l.Key, l.Value });
        });
        builder.Navigation(d => d.LabelRows).HasField("_labels").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(d => new { d.WorkspaceId, d.Name }).IsUnique();
        builder.HasIndex(d => new { d.WorkspaceId, d.State });
    }
}

internal sealed class EnrolmentTokenConfiguration : IEntityTypeConfiguration<EnrolmentToken>
{
    public void Configure(EntityTypeBuilder<EnrolmentToken> builder)
    {
        builder.ToTable("EnrolmentTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(EnrolmentToken.MaxNameLength).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(20).IsUnicode(false).IsRequired();
        builder.Property(t => t.LabelsJson).HasMaxLength(4000).IsRequired();
        builder.Property(t => t.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(t => t.KeyThumbprint).HasMaxLength(64).IsUnicode(false);
        // Two first uses at once (two keys): the second save finds the token used and fails instead of enrolling twice.
        builder.Property(t => t.UsedAt).IsConcurrencyToken();
        builder.Ignore(t => t.Labels);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}

internal sealed class RolloutConfiguration : IEntityTypeConfiguration<Rollout>
{
    public void Configure(EntityTypeBuilder<Rollout> builder)
    {
        builder.ToTable("Rollouts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Model).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Environment).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Selector).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OnFailure).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(Rollout.MaxReasonLength).IsRequired();
        builder.Property(r => r.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.ApprovedBy).HasMaxLength(200);
        builder.Property(r => r.ApprovalComment).HasMaxLength(Rollout.MaxCommentLength);
        builder.Property(r => r.Waves).AsJson(2000);
        builder.Property(r => r.Rate).AsJson(500);
        builder.Property(r => r.Gate).AsJson(500);
        builder.Property(r => r.HealthCheck).AsJson(500);
        builder.Property(r => r.ConcurrencyVersion).IsConcurrencyToken();
        builder.Ignore(r => r.IsActive);
        builder.HasIndex(r => new { r.WorkspaceId, r.State });
    }
}

internal sealed class RolloutTargetConfiguration : IEntityTypeConfiguration<RolloutTarget>
{
    public void Configure(EntityTypeBuilder<RolloutTarget> builder)
    {
        builder.ToTable("RolloutTargets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.FailureReason).HasMaxLength(RolloutTarget.MaxReasonLength);
        builder.HasOne<Rollout>().WithMany().HasForeignKey(t => t.RolloutId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Device>().WithMany().HasForeignKey(t => t.DeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.RolloutId, t.DeviceId }).IsUnique();
        builder.HasIndex(t => new { t.RolloutId, t.Wave, t.Status });
        builder.HasIndex(t => t.DeviceId);
    }
}

internal sealed class DeviceAssignmentConfiguration : IEntityTypeConfiguration<DeviceAssignment>
{
    public void Configure(EntityTypeBuilder<DeviceAssignment> builder)
    {
        builder.ToTable("DeviceAssignments");
        builder.HasKey(a => new { a.DeviceId, a.ModelId });
        builder.Property(a => a.Model).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(a => a.HealthCheckJson).HasMaxLength(500).IsRequired();
        builder.HasOne<Device>().WithMany().HasForeignKey(a => a.DeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class JsonColumns
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>A value stored as its JSON, compared by its JSON (so a change to it is seen).</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property, int maxLength)
    {
        var comparer = new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<T>(
            (a, b) => System.Text.Json.JsonSerializer.Serialize(a, Options) == System.Text.Json.JsonSerializer.Serialize(b, Options),
            v => System.Text.Json.JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(v, Options), Options)!);
        return property.HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, Options), v => System.Text.Json.JsonSerializer.Deserialize<T>(v, Options)!, comparer)
            .HasMaxLength(maxLength).IsRequired();
    }
}

internal sealed class DeviceModelStatusConfiguration : IEntityTypeConfiguration<DeviceModelStatus>
{
    public void Configure(EntityTypeBuilder<DeviceModelStatus> builder)
    {
        builder.ToTable("DeviceModelStatuses");
        builder.HasKey(s => new { s.DeviceId, s.Model });
        builder.Property(s => s.Model).HasMaxLength(200);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.FailureReason).HasMaxLength(DeviceModelStatus.MaxReasonLength);
        builder.HasOne<Device>().WithMany().HasForeignKey(s => s.DeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.Model, s.ServingVersion, s.State });
    }
}
