using Enoe.Data.People;

namespace Enoe.Data.Notifications;

/// <summary>
/// How often a category of notifications goes out by e-mail. Everything always reaches the person's feed in ENOE (the
/// bell counts it); this says only what e-mail carries. Stored as its number: append, never renumber.
/// </summary>
public enum MailFrequency
{
    AtOnce = 0,
    Daily = 1,
    Weekly = 2,
    Never = 3,
}

/// <summary>A person's own choice for one category, whatever the établissement: it overrides every default.</summary>
public sealed class NotificationPreference
{
    public int PersonId { get; set; }
    public NotificationCategory Category { get; set; }
    public MailFrequency Frequency { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// An établissement's default for one profile and category, set by the direction; without one, the built-in
/// default (<see cref="MailDefaults.BuiltIn"/>) applies.
/// </summary>
public sealed class NotificationDefault
{
    public int SchoolId { get; set; }

    /// <summary>One single profile (<see cref="ProfileNames.Single"/>), never a combination.</summary>
    public Profile Profile { get; set; }
    public NotificationCategory Category { get; set; }
    public MailFrequency Frequency { get; set; }
}

/// <summary>
/// Where a person's e-mail was refused (a permanent 5xx on RCPT or DATA): nothing more is sent to that address, and the
/// person reads it on their preferences page. A new address (the directory's, or one the person sets) lifts it.
/// </summary>
public sealed class MailRefusal
{
    public int PersonId { get; set; }
    public string Address { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime RefusedAt { get; set; }
}
