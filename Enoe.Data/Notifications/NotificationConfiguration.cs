using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Title).HasMaxLength(NotificationService.TitleMax);
        b.Property(n => n.Link).HasMaxLength(NotificationService.LinkMax);
        b.Property(n => n.Source).HasMaxLength(NotificationService.SourceMax);
        b.HasOne(n => n.Recipient).WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(n => n.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Schools.School>().WithMany().HasForeignKey(n => n.SchoolId).OnDelete(DeleteBehavior.Cascade);
        // The feed and the bell: one person's, newest first, and the bell's count from the index alone (ReadAt in
        // it: counting 2,000 recipients' unread lines for a mémo's event read every line's row, 3× the time); opening
        // a thing: its source; the release job: what becomes visible next; the digest: what no e-mail carried yet.
        b.HasIndex(n => new
        {
            n.RecipientId,
            n.VisibleAt,
            n.ReadAt,
        });
        b.HasIndex(n => new { n.Source, n.RecipientId });
        b.HasIndex(n => n.VisibleAt);
        b.HasIndex(n => n.CreatedAt); // the retention job: what is old enough to go
        b.HasIndex(n => new { n.EmailedAt, n.VisibleAt });
    }
}

internal sealed class QuietHoursConfiguration : IEntityTypeConfiguration<QuietHours>
{
    public void Configure(EntityTypeBuilder<QuietHours> b)
    {
        b.HasKey(q => q.SchoolId);
        b.HasOne<Schools.School>().WithMany().HasForeignKey(q => q.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuietExceptionConfiguration : IEntityTypeConfiguration<QuietException>
{
    public void Configure(EntityTypeBuilder<QuietException> b)
    {
        b.Property(e => e.Label).HasMaxLength(QuietHoursService.LabelMax);
        b.HasOne<Schools.School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.SchoolId, e.To });
    }
}
