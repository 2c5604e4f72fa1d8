namespace Enoe.Data.Mail;

/// <summary>
/// One e-mail waiting in the database until the SMTP server takes it: a down server loses nothing, and each message is
/// claimed by one instance at a time (<see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>), so it goes out once.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Whose address it is: a refusal of it is noted on them.</summary>
    public int? PersonId { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";

    /// <summary>The one-click unsubscribe link of what this e-mail carries (RFC 8058), or null.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>"daily:2026-11-20" for a person's digest of that day: unique per person, one digest a day.</summary>
    public string? DigestKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Refused for good (a 5xx), or failing past the cap of attempts: never tried again.</summary>
    public DateTime? GivenUpAt { get; set; }
    public string? LastError { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}
