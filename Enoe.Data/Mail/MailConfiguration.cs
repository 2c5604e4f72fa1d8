using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Mail;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const int AddressMax = 256;

    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("MailOutbox");
        b.Property(o => o.To).HasMaxLength(AddressMax);
        b.Property(o => o.Subject).HasMaxLength(300);
        b.Property(o => o.UnsubscribeUrl).HasMaxLength(2000);
        b.Property(o => o.DigestKey).HasMaxLength(32);
        b.Property(o => o.LastError).HasMaxLength(500);
        b.Property(o => o.ClaimedBy).HasMaxLength(64);
        b.HasOne<People.Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
        // What is due next; one digest per person and day, whatever runs at once (NULL keys never collide).
        b.HasIndex(o => new
        {
            o.SentAt,
            o.GivenUpAt,
            o.NextAttemptAt,
        });
        b.HasIndex(o => new { o.PersonId, o.DigestKey }).IsUnique();
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.HasKey(p => new { p.PersonId, p.Category });
        b.HasOne<People.Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationDefaultConfiguration : IEntityTypeConfiguration<NotificationDefault>
{
    public void Configure(EntityTypeBuilder<NotificationDefault> b)
    {
        b.HasKey(d => new
        {
            d.SchoolId,
            d.Profile,
            d.Category,
        });
        b.HasOne<Schools.School>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MailRefusalConfiguration : IEntityTypeConfiguration<MailRefusal>
{
    public void Configure(EntityTypeBuilder<MailRefusal> b)
    {
        b.ToTable("MailRefusals");
        b.HasKey(r => r.PersonId);
        b.Property(r => r.Address).HasMaxLength(OutboxMessageConfiguration.AddressMax);
        b.Property(r => r.Reason).HasMaxLength(500);
        b.HasOne<People.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
