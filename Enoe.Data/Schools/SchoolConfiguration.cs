using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Schools;

internal sealed class AcademyConfiguration : IEntityTypeConfiguration<Academy>
{
    public void Configure(EntityTypeBuilder<Academy> b)
    {
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Description).HasMaxLength(2000);
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.Property(s => s.Uai).HasMaxLength(8);
        b.HasIndex(s => s.Uai).IsUnique();
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Slug).HasMaxLength(80);
        b.HasIndex(s => s.Slug).IsUnique();
        b.Property(s => s.City).HasMaxLength(120);
        b.Property(s => s.PostalAddress).HasMaxLength(400);
        b.Property(s => s.Phone).HasMaxLength(30);
        b.Property(s => s.Email).HasMaxLength(200);
        b.Property(s => s.Presentation).HasMaxLength(4000);
        b.OwnsOne(
            s => s.Branding,
            o =>
            {
                o.Property(x => x.PrimaryColor).HasMaxLength(20).HasColumnName("PrimaryColor");
                o.Property(x => x.LogoPath).HasMaxLength(300).HasColumnName("LogoPath");
            }
        );
        b.HasOne(s => s.Academy).WithMany(a => a.Schools).HasForeignKey(s => s.AcademyId);
        b.Property(s => s.InsideNetworks).HasMaxLength(2000);
        b.HasMany(s => s.ClosedServices).WithOne().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.InsideOnlyServices).WithOne().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InsideOnlyServiceConfiguration : IEntityTypeConfiguration<InsideOnlyService>
{
    public void Configure(EntityTypeBuilder<InsideOnlyService> b)
    {
        b.ToTable("InsideOnlyServices");
        b.HasKey(c => new { c.SchoolId, c.ServiceKey });
        b.Property(c => c.ServiceKey).HasMaxLength(EntServices.KeyMax);
    }
}

internal sealed class ServiceSwitchChangeConfiguration : IEntityTypeConfiguration<ServiceSwitchChange>
{
    public void Configure(EntityTypeBuilder<ServiceSwitchChange> b)
    {
        b.Property(c => c.ServiceKey).HasMaxLength(EntServices.KeyMax);
        b.HasIndex(c => new { c.SchoolId, c.ChangedAt });
        b.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ClosedServiceConfiguration : IEntityTypeConfiguration<ClosedService>
{
    public void Configure(EntityTypeBuilder<ClosedService> b)
    {
        b.ToTable("ClosedServices");
        b.HasKey(c => new { c.SchoolId, c.ServiceKey });
        b.Property(c => c.ServiceKey).HasMaxLength(EntServices.KeyMax);
    }
}

internal sealed class TimeSlotConfiguration : IEntityTypeConfiguration<TimeSlot>
{
    public void Configure(EntityTypeBuilder<TimeSlot> b)
    {
        b.Property(t => t.Code).HasMaxLength(TimeSlots.CodeMax);
        b.HasIndex(t => new { t.SchoolId, t.Code }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
