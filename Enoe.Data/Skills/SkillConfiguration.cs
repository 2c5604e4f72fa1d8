using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Skills;

internal sealed class SkillDomainConfiguration : IEntityTypeConfiguration<SkillDomain>
{
    public void Configure(EntityTypeBuilder<SkillDomain> b)
    {
        b.Property(d => d.Code).HasMaxLength(20);
        b.Property(d => d.Name).HasMaxLength(200);
        b.HasIndex(d => new { d.SchoolId, d.Code }).IsUnique();
        b.HasOne<Schools.School>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Skills).WithOne(s => s.Domain).HasForeignKey(s => s.DomainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> b)
    {
        b.Property(s => s.Code).HasMaxLength(20);
        b.Property(s => s.Name).HasMaxLength(300);
    }
}

internal sealed class SkillAssessmentConfiguration : IEntityTypeConfiguration<SkillAssessment>
{
    public void Configure(EntityTypeBuilder<SkillAssessment> b)
    {
        b.HasIndex(a => new
        {
            a.StudentId,
            a.SkillId,
            a.AssessedAt,
        });
        b.HasOne(a => a.Skill).WithMany().HasForeignKey(a => a.SkillId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Teacher).WithMany().HasForeignKey(a => a.TeacherId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<People.Person>().WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Grades.Assessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.SetNull);
    }
}
