using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.SingleSignOn;

internal sealed class SsoRegistrationConfiguration : IEntityTypeConfiguration<SsoRegistration>
{
    public void Configure(EntityTypeBuilder<SsoRegistration> b)
    {
        b.ToTable("SsoRegistrations");
        b.Property(r => r.Name).HasMaxLength(SsoRegistration.NameMax);
        b.Property(r => r.ServicePattern).HasMaxLength(SsoRegistration.PatternMax);
        b.Property(r => r.Released).HasMaxLength(SsoRegistration.ReleasedMax);
        b.Property(r => r.LevelCodes).HasMaxLength(SsoRegistration.LevelCodesMax);
        b.Property(r => r.ClientId).HasMaxLength(SsoRegistration.ClientIdMax);
        b.Property(r => r.LogoutUri).HasMaxLength(SsoRegistration.PatternMax);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.ServicePattern).IsUnique(); // one registration per address, even when two admins save
        b.HasIndex(r => r.ClientId).IsUnique();
        b.HasOne<Schools.School>().WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DigitalResources.DigitalResource>()
            .WithMany()
            .HasForeignKey(r => r.ResourceId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CasTicketConfiguration : IEntityTypeConfiguration<CasTicket>
{
    public void Configure(EntityTypeBuilder<CasTicket> b)
    {
        b.ToTable("CasTickets");
        b.Property(t => t.Id).HasMaxLength(CasTicket.IdMax);
        b.Property(t => t.Service).HasMaxLength(CasTicket.ServiceMax);
        b.HasIndex(t => t.ExpiresAt); // the sweep of tickets never validated
        b.HasOne<SsoRegistration>().WithMany().HasForeignKey(t => t.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SsoHandOffConfiguration : IEntityTypeConfiguration<SsoHandOff>
{
    public void Configure(EntityTypeBuilder<SsoHandOff> b)
    {
        b.ToTable("SsoHandOffs");
        b.Property(h => h.Service).HasMaxLength(CasTicket.ServiceMax);
        b.Property(h => h.TicketId).HasMaxLength(CasTicket.IdMax);
        b.Property(h => h.Issuer).HasMaxLength(CasTicket.ServiceMax);
        b.HasIndex(h => h.SessionId);
        b.HasIndex(h => new { h.PersonId, h.At });
        b.HasOne<SsoRegistration>().WithMany().HasForeignKey(h => h.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OidcKeyConfiguration : IEntityTypeConfiguration<OidcKey>
{
    public void Configure(EntityTypeBuilder<OidcKey> b)
    {
        b.ToTable("OidcKeys");
        // Two instances starting at once on an empty table: one generation each use, whoever writes first.
        b.HasIndex(k => new { k.Use, k.Generation }).IsUnique();
    }
}
