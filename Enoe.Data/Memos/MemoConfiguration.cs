using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Memos;

internal sealed class MemoConfiguration : IEntityTypeConfiguration<Memo>
{
    public void Configure(EntityTypeBuilder<Memo> b)
    {
        b.Property(m => m.Subject).HasMaxLength(MemoDraftValidator.SubjectMax);
        b.Property(m => m.Body).HasMaxLength(MemoDraftValidator.BodyMax);
        b.Property(m => m.To).HasMaxLength(300);
        b.HasIndex(m => new
        {
            m.SenderId,
            m.SenderFolder,
            m.SentAt,
        });
        b.HasIndex(m => m.ThreadId);
        // The mémos a crash left undelivered, found without reading the others (none, almost always).
        b.HasIndex(m => m.SentAt).HasFilter("\"Undelivered\" IS NOT NULL").HasDatabaseName("IX_Memos_Undelivered");
        b.HasOne(m => m.Sender).WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.AboutChild).WithMany().HasForeignKey(m => m.AboutChildId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Schools.School>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Audiences).WithOne().HasForeignKey(a => a.MemoId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MemoId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemoRecipientConfiguration : IEntityTypeConfiguration<MemoRecipient>
{
    public void Configure(EntityTypeBuilder<MemoRecipient> b)
    {
        b.HasKey(r => new { r.MemoId, r.PersonId });
        // Inbox pages, and the unread badge counted from the index alone (HeldUntil in it: a mémo's 2,000 recipients
        // counted while it is sent read no row, 2.5× faster with 40 unread each).
        b.HasIndex(r => new
        {
            r.PersonId,
            r.Folder,
            r.ReadAt,
            r.HeldUntil,
        });
        b.HasIndex(r => r.AudienceId);
        b.HasOne(r => r.Memo).WithMany().HasForeignKey(r => r.MemoId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MemoAudience>().WithMany().HasForeignKey(r => r.AudienceId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MemoAudienceConfiguration : IEntityTypeConfiguration<MemoAudience>
{
    public void Configure(EntityTypeBuilder<MemoAudience> b) => b.Property(a => a.Label).HasMaxLength(200);
}

internal sealed class MemoAttachmentConfiguration : IEntityTypeConfiguration<MemoAttachment>
{
    public void Configure(EntityTypeBuilder<MemoAttachment> b)
    {
        b.HasKey(a => new { a.MemoId, a.FileId });
        b.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
