namespace Enoe.Data.Privacy;

/// <summary>
/// How long ENOE keeps what the law limits (section <c>Enoe:Privacy</c>; the README has the table and the texts behind
/// each default).
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Enoe:Privacy";

    /// <summary>The access log families read (CNIL: 6 to 12 months).</summary>
    public int AccessLogMonths { get; set; } = 12;

    /// <summary>
    /// Local accounts an admin disabled are deleted this many days after (the arrêté of 30 November 2006 on ENTs:
    /// three months after leaving; directory accounts carry their own due date, set by the sync the same way).
    /// </summary>
    public int DisabledAccountDays { get; set; } = 90;

    /// <summary>Ended sign-in sessions (connection logs: CNIL recommends 6 months to a year).</summary>
    public int SignInSessionMonths { get; set; } = 6;

    /// <summary>Mémos in a bin this long after they were sent go for good for their owner.</summary>
    public int MemoBinDays { get; set; } = 30;

    /// <summary>
    /// Notifications read this many months ago go (the feed is a recent history, the things they name stay in
    /// their services).
    /// </summary>
    public int NotificationReadMonths { get; set; } = 12;

    /// <summary>Notifications never opened go after this many months.</summary>
    public int NotificationUnreadMonths { get; set; } = 24;

    /// <summary>Rows one statement deletes at most (notifications): the job never holds a long lock.</summary>
    public int DeleteBatch { get; set; } = 5000;

    /// <summary>A data export can be downloaded this long.</summary>
    public int ExportDays { get; set; } = 7;

    /// <summary>
    /// A parent may ask for a child's export while the child is younger than this (RGPD art. 8 and the French law of
    /// 20 June 2018: 15).
    /// </summary>
    public int ChildExportAge { get; set; } = 15;

    /// <summary>When the retention job runs each night (académie time, <c>HH:mm</c>); empty: never.</summary>
    public string RetentionSchedule { get; set; } = "03:30";
}
