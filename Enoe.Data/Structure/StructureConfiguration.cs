using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Structure;

internal sealed class LevelConfiguration : IEntityTypeConfiguration<Level>
{
    public void Configure(EntityTypeBuilder<Level> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Code).HasMaxLength(10);
        b.Property(l => l.Name).HasMaxLength(40);
        b.HasIndex(l => l.Code).IsUnique();
        b.HasData(Level.National);
    }
}

internal sealed class SchoolClassConfiguration : IEntityTypeConfiguration<SchoolClass>
{
    public void Configure(EntityTypeBuilder<SchoolClass> b)
    {
        b.Property(c => c.Name).HasMaxLength(40);
        b.HasIndex(c => new { c.SchoolId, c.Name }).IsUnique();
        b.HasOne(c => c.Level).WithMany().HasForeignKey(c => c.LevelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeachingGroupConfiguration : IEntityTypeConfiguration<TeachingGroup>
{
    public void Configure(EntityTypeBuilder<TeachingGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(80);
        b.HasIndex(g => new { g.SchoolId, g.Name }).IsUnique();
        b.Property(g => g.Code).HasMaxLength(40);
        b.HasIndex(g => new { g.SchoolId, g.Code }).IsUnique();
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> b)
    {
        b.Property(s => s.Code).HasMaxLength(20);
        b.Property(s => s.Name).HasMaxLength(80);
        b.HasIndex(s => new { s.SchoolId, s.Code }).IsUnique();
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.HasKey(e => new { e.StudentId, e.SchoolClassId });
        b.HasIndex(e => e.SchoolClassId);
    }
}

internal sealed class GroupEnrolmentConfiguration : IEntityTypeConfiguration<GroupEnrolment>
{
    public void Configure(EntityTypeBuilder<GroupEnrolment> b)
    {
        b.HasKey(e => new { e.StudentId, e.TeachingGroupId });
        b.HasIndex(e => e.TeachingGroupId);
    }
}

internal sealed class TeachingAssignmentConfiguration : IEntityTypeConfiguration<TeachingAssignment>
{
    public void Configure(EntityTypeBuilder<TeachingAssignment> b)
    {
        b.HasIndex(t => t.TeacherId);
        b.HasIndex(t => t.SchoolClassId);
        b.HasIndex(t => t.TeachingGroupId);
        b.HasOne(t => t.Subject).WithMany().HasForeignKey(t => t.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
            t.HasCheckConstraint(
                "CK_TeachingAssignment_ClassXorGroup",
                "(\"SchoolClassId\" IS NULL) <> (\"TeachingGroupId\" IS NULL)"
            )
        );
    }
}
