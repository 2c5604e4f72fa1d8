using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Grades;

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> b)
    {
        b.Property(t => t.Name).HasMaxLength(GradeService.TermNameMax);
        b.HasIndex(t => new { t.SchoolId, t.StartsOn });
        b.HasOne<Schools.School>().WithMany().HasForeignKey(t => t.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(a => a.Title).HasMaxLength(GradeService.TitleMax);
        b.HasIndex(a => new
        {
            a.SchoolClassId,
            a.SubjectId,
            a.Date,
        });
        b.HasIndex(a => new
        {
            a.TeachingGroupId,
            a.SubjectId,
            a.Date,
        });
        b.HasOne(a => a.Subject).WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Teacher).WithMany().HasForeignKey(a => a.TeacherId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
            t.HasCheckConstraint(
                "CK_Assessment_ClassXorGroup",
                "(\"SchoolClassId\" IS NULL) <> (\"TeachingGroupId\" IS NULL)"
            )
        );
    }
}

internal sealed class GradeConfiguration : IEntityTypeConfiguration<Grade>
{
    public void Configure(EntityTypeBuilder<Grade> b)
    {
        b.HasKey(g => new { g.AssessmentId, g.StudentId });
        b.HasIndex(g => g.StudentId);
        b.HasOne(g => g.Assessment).WithMany().HasForeignKey(g => g.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(g => g.Student).WithMany().HasForeignKey(g => g.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
