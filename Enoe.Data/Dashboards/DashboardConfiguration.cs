using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Dashboards;

internal sealed class DashboardTabConfiguration : IEntityTypeConfiguration<DashboardTab>
{
    public void Configure(EntityTypeBuilder<DashboardTab> b)
    {
        b.Property(t => t.Title).HasMaxLength(LayoutService.TabTitleMax);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new
        {
            t.PersonId,
            t.SchoolId,
            t.Position,
        });
        b.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.School).WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WidgetPlacementConfiguration : IEntityTypeConfiguration<WidgetPlacement>
{
    public void Configure(EntityTypeBuilder<WidgetPlacement> b)
    {
        b.Property(p => p.WidgetKey).HasMaxLength(60);
        b.Property(p => p.SettingsJson).HasMaxLength(4000);
        b.HasOne(p => p.Tab).WithMany(t => t.Placements).HasForeignKey(p => p.TabId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DefaultLayoutConfiguration : IEntityTypeConfiguration<DefaultLayout>
{
    public void Configure(EntityTypeBuilder<DefaultLayout> b)
    {
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => new { l.SchoolId, l.Profile }).IsUnique();
        // Unique indexes let NULLs repeat: the académie's own default (no school) needs its own, per profile.
        b.HasIndex(l => l.Profile)
            .IsUnique()
            .HasFilter("\"SchoolId\" IS NULL")
            .HasDatabaseName("IX_DefaultLayouts_AcademyProfile");
        b.HasOne(l => l.School).WithMany().HasForeignKey(l => l.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Placements).WithOne().HasForeignKey(p => p.DefaultLayoutId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DefaultPlacementConfiguration : IEntityTypeConfiguration<DefaultPlacement>
{
    public void Configure(EntityTypeBuilder<DefaultPlacement> b)
    {
        b.Property(p => p.WidgetKey).HasMaxLength(60);
        b.Property(p => p.SettingsJson).HasMaxLength(4000);
    }
}
