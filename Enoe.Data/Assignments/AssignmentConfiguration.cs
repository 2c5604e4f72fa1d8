using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Assignments;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.Property(a => a.Title).HasMaxLength(AssignmentDraftValidator.TitleMax);
        b.Property(a => a.Instructions).HasMaxLength(AssignmentDraftValidator.InstructionsMax);
        b.HasIndex(a => new { a.SchoolClassId, a.DueAt });
        b.HasIndex(a => new { a.TeachingGroupId, a.DueAt });
        b.HasIndex(a => new { a.TeacherId, a.DueAt });
        b.HasOne(a => a.Subject).WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Teacher).WithMany().HasForeignKey(a => a.TeacherId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Files).WithOne().HasForeignKey(f => f.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t =>
            t.HasCheckConstraint(
                "CK_Assignment_ClassXorGroup",
                "(\"SchoolClassId\" IS NULL) <> (\"TeachingGroupId\" IS NULL)"
            )
        );
    }
}

internal sealed class AssignmentFileConfiguration : IEntityTypeConfiguration<AssignmentFile>
{
    public void Configure(EntityTypeBuilder<AssignmentFile> b)
    {
        b.HasKey(f => new { f.AssignmentId, f.FileId });
        b.HasOne(f => f.File).WithMany().HasForeignKey(f => f.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.HasIndex(s => new
            {
                s.AssignmentId,
                s.StudentId,
                s.Number,
            })
            .IsUnique();
        b.HasOne(s => s.Assignment).WithMany().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Student).WithMany().HasForeignKey(s => s.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Files).WithOne().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubmissionFileConfiguration : IEntityTypeConfiguration<SubmissionFile>
{
    public void Configure(EntityTypeBuilder<SubmissionFile> b)
    {
        b.HasKey(f => new { f.SubmissionId, f.FileId });
        b.HasOne(f => f.File).WithMany().HasForeignKey(f => f.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubmissionReturnConfiguration : IEntityTypeConfiguration<SubmissionReturn>
{
    public void Configure(EntityTypeBuilder<SubmissionReturn> b)
    {
        b.HasIndex(r => new { r.AssignmentId, r.StudentId }).IsUnique();
        b.Property(r => r.Comment).HasMaxLength(AssignmentService.CommentMax);
        b.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.File).WithMany().HasForeignKey(r => r.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
