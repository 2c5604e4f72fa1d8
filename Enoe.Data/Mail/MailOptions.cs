namespace Enoe.Data.Mail;

/// <summary>
/// The <c>Enoe:Mail</c> section: the SMTP server ENOE sends through, and when digests go out. Without a host (or
/// without <c>Enoe:PublicUrl</c>, which every link needs) mail is off: nothing is queued, everything stays in ENOE.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Enoe:Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailTls Tls { get; set; } = MailTls.Auto;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "ENOE";

    /// <summary>
    /// Where ENOE answers for its users (<c>https://ent.ac-exemple.fr</c>): links in e-mails start there.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The daily digest's hour, Europe/Paris; inside an établissement's quiet window it waits for its end.
    /// </summary>
    public TimeOnly DailyAt { get; set; } = new(17, 30);

    /// <summary>The day whose daily digest also carries the weekly categories.</summary>
    public DayOfWeek WeeklyOn { get; set; } = DayOfWeek.Friday;

    /// <summary>Attempts before a message that keeps failing for a passing reason is given up (about 3 days).</summary>
    public int MaxAttempts { get; set; } = 20;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(PublicUrl);

    /// <summary>An absolute link to a path of ENOE.</summary>
    public string Link(string path) => PublicUrl!.TrimEnd('/') + "/" + path.TrimStart('/');
}

/// <summary>
/// How the connection to the SMTP server is secured (MailKit's choices, by name in the configuration).
/// </summary>
public enum MailTls
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
