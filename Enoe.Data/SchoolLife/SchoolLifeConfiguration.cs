using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.SchoolLife;

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> b)
    {
        b.Property(a => a.JustificationComment).HasMaxLength(AttendanceService.CommentMax);
        b.Property(a => a.DecisionComment).HasMaxLength(AttendanceService.CommentMax);
        b.Property(a => a.Note).HasMaxLength(AttendanceService.CommentMax);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Schools.School>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Student).WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Lesson).WithMany().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(a => a.JustificationFile)
            .WithMany()
            .HasForeignKey(a => a.JustificationFileId)
            .OnDelete(DeleteBehavior.SetNull);
        b.HasOne(a => a.Motive).WithMany().HasForeignKey(a => a.MotiveId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<People.Person>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.SchoolId, a.Date });
        b.HasIndex(a => new { a.StudentId, a.Date });
        // One mark per student and lesson and day: two taps at once update it, never add a second.
        b.HasIndex(a => new
            {
                a.LessonId,
                a.Date,
                a.StudentId,
            })
            .IsUnique();
        // One phone report per student and half-day: a double click does not write a second row.
        b.HasIndex(a => new
            {
                a.StudentId,
                a.Date,
                a.StartsAt,
            })
            .IsUnique()
            .HasFilter("\"LessonId\" IS NULL")
            .HasDatabaseName("IX_Absence_Reported");
    }
}

internal sealed class RollCallConfiguration : IEntityTypeConfiguration<RollCall>
{
    public void Configure(EntityTypeBuilder<RollCall> b)
    {
        b.HasKey(r => new { r.LessonId, r.Date });
        b.HasOne(r => r.Lesson).WithMany().HasForeignKey(r => r.LessonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(r => r.TakenById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AbsenceMotiveConfiguration : IEntityTypeConfiguration<AbsenceMotive>
{
    public void Configure(EntityTypeBuilder<AbsenceMotive> b)
    {
        b.Property(m => m.Name).HasMaxLength(AbsenceMotive.NameMax);
        b.HasOne<Schools.School>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Cascade);
        // Two motives of one établissement never share a name; this also holds when two first reads create the
        // default list at once (the second finds it written).
        b.HasIndex(m => new { m.SchoolId, m.Name }).IsUnique();
    }
}
