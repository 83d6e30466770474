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
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.PublicKeyJwk).HasMaxLength(400).IsUnicode(false).IsRequired();
        builder.Property(d => d.KeyThumbprint).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(d => d.InventoryJson).HasMaxLength(Device.MaxInventoryLength).IsRequired();
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
