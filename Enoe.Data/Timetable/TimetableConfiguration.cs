using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Timetable;

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.Property(l => l.Room).HasMaxLength(TimetableImport.RoomMax);
        b.HasOne(l => l.School).WithMany().HasForeignKey(l => l.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.SchoolClass).WithMany().HasForeignKey(l => l.SchoolClassId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.TeachingGroup)
            .WithMany()
            .HasForeignKey(l => l.TeachingGroupId)
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.Subject).WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Teacher).WithMany().HasForeignKey(l => l.TeacherId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.SchoolId, l.Day });
        b.HasIndex(l => l.SchoolClassId);
        b.HasIndex(l => l.TeachingGroupId);
        b.HasIndex(l => l.TeacherId);
        b.ToTable(t =>
            t.HasCheckConstraint(
                "CK_Lesson_OneAudience",
                "(\"SchoolClassId\" IS NULL) <> (\"TeachingGroupId\" IS NULL)"
            )
        );
    }
}

internal sealed class LessonChangeConfiguration : IEntityTypeConfiguration<LessonChange>
{
    public void Configure(EntityTypeBuilder<LessonChange> b)
    {
        b.Property(c => c.Reason).HasMaxLength(TimetableService.ReasonMax);
        b.Property(c => c.NewRoom).HasMaxLength(TimetableImport.RoomMax);
        b.HasOne(c => c.Lesson)
            .WithMany(l => l.Changes)
            .HasForeignKey(c => c.LessonId)
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.LessonId, c.Date }).IsUnique();
        b.HasIndex(c => c.NewDate);
    }
}

internal sealed class TimetableCalendarConfiguration : IEntityTypeConfiguration<TimetableCalendar>
{
    public void Configure(EntityTypeBuilder<TimetableCalendar> b)
    {
        b.HasKey(c => c.SchoolId);
        b.HasOne<Schools.School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
