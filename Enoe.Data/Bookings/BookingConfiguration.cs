using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Bookings;

internal sealed class ResourceCategoryConfiguration : IEntityTypeConfiguration<ResourceCategory>
{
    public void Configure(EntityTypeBuilder<ResourceCategory> b)
    {
        b.Property(c => c.Name).HasMaxLength(BookingService.CategoryMax);
        b.HasIndex(c => new { c.SchoolId, c.Name }).IsUnique();
        b.HasOne<Schools.School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BookableResourceConfiguration : IEntityTypeConfiguration<BookableResource>
{
    public void Configure(EntityTypeBuilder<BookableResource> b)
    {
        b.Property(r => r.Name).HasMaxLength(BookingService.NameMax);
        b.Property(r => r.Description).HasMaxLength(1000);
        b.HasIndex(r => new { r.SchoolId, r.Name }).IsUnique();
        b.HasOne(r => r.Category).WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Manager).WithMany().HasForeignKey(r => r.ManagerId).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t => t.HasCheckConstraint("CK_BookableResource_Units", "\"Units\" >= 1"));
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.Property(x => x.Reason).HasMaxLength(BookingService.ReasonMax);
        b.HasIndex(x => new
        {
            x.ResourceId,
            x.StartsAt,
            x.EndsAt,
        }); // the overlap check
        b.HasIndex(x => new { x.PersonId, x.StartsAt });
        b.HasIndex(x => x.SeriesId);
        b.HasOne(x => x.Resource).WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.SchoolClass).WithMany().HasForeignKey(x => x.SchoolClassId).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Booking_Period", "\"EndsAt\" > \"StartsAt\"");
            t.HasCheckConstraint("CK_Booking_Units", "\"Units\" >= 1");
        });
    }
}

internal sealed class HolidayPeriodConfiguration : IEntityTypeConfiguration<HolidayPeriod>
{
    public void Configure(EntityTypeBuilder<HolidayPeriod> b)
    {
        b.Property(h => h.Name).HasMaxLength(BookingService.HolidayNameMax);
        b.HasIndex(h => new { h.SchoolId, h.From });
    }
}
