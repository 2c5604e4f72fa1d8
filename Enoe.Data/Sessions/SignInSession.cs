using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.Sessions;

/// <summary>
/// One sign-in, kept on the server: the cookie carries only its id, so signing out, a password change or a disabled
/// account ends it for every request and open circuit, whatever copy of the cookie is replayed.
/// </summary>
public sealed class SignInSession
{
    public Guid Id { get; set; }
    public int PersonId { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>Touched at most every few minutes, for "your open sessions" and expiry.</summary>
    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }
    public SessionEnd? EndReason { get; set; }

    /// <summary>
    /// Where the sign-in came from (after trusted proxies), shown to the person among their sessions.
    /// </summary>
    public string? ClientAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>Signed in with a second factor (TOTP or a recovery code).</summary>
    public bool SecondFactor { get; set; }

    public bool IsOpen => EndedAt is null;
}

public enum SessionEnd
{
    SignedOut = 1,
    PasswordChanged = 2,
    AccountDisabled = 3,
    Expired = 4,

    /// <summary>
    /// Ended by the person from another session, or by an admin; or refused by the security stamp's check (a new
    /// password or second factor set elsewhere, the directory's changes).
    /// </summary>
    Revoked = 5,
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.ToTable("SignInSessions");
        b.Ignore(s => s.IsOpen);
        b.Property(s => s.ClientAddress).HasMaxLength(45);
        b.Property(s => s.UserAgent).HasMaxLength(200);
        b.HasIndex(s => new { s.PersonId, s.EndedAt });
        b.HasIndex(s => s.LastSeenAt);
        b.HasOne<People.Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
