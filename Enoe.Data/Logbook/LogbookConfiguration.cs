using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Logbook;

internal sealed class LogbookEntryConfiguration : IEntityTypeConfiguration<LogbookEntry>
{
    public void Configure(EntityTypeBuilder<LogbookEntry> b)
    {
        b.Property(e => e.Content).HasMaxLength(LogbookDraftValidator.TextMax);
        b.Property(e => e.Homework).HasMaxLength(LogbookDraftValidator.TextMax);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.SchoolClassId, e.SessionDate });
        b.HasIndex(e => new { e.TeachingGroupId, e.SessionDate });
        b.HasIndex(e => new { e.SchoolId, e.HomeworkDueDate });
        b.HasIndex(e => new { e.SchoolId, e.SessionDate }); // "Mon carnet"'s day, for everyone of the établissement
        b.HasOne(e => e.Subject).WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.UpdatedBy).WithMany().HasForeignKey(e => e.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Revisions).WithOne().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t =>
            t.HasCheckConstraint(
                "CK_LogbookEntry_ClassXorGroup",
                "(\"SchoolClassId\" IS NULL) <> (\"TeachingGroupId\" IS NULL)"
            )
        );
    }
}

internal sealed class LogbookRevisionConfiguration : IEntityTypeConfiguration<LogbookRevision>
{
    public void Configure(EntityTypeBuilder<LogbookRevision> b)
    {
        b.Property(r => r.Content).HasMaxLength(LogbookDraftValidator.TextMax);
        b.Property(r => r.Homework).HasMaxLength(LogbookDraftValidator.TextMax);
    }
}

internal sealed class HomeworkDoneConfiguration : IEntityTypeConfiguration<HomeworkDone>
{
    public void Configure(EntityTypeBuilder<HomeworkDone> b)
    {
        b.HasKey(d => new { d.StudentId, d.EntryId });
        b.HasOne<LogbookEntry>().WithMany().HasForeignKey(d => d.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(d => d.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LogbookAttachmentConfiguration : IEntityTypeConfiguration<LogbookAttachment>
{
    public void Configure(EntityTypeBuilder<LogbookAttachment> b)
    {
        b.HasKey(a => new { a.EntryId, a.FileId });
        b.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
