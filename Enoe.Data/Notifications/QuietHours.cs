namespace Enoe.Data.Notifications;

/// <summary>
/// An établissement's quiet window (the right to disconnect, circulaire of 10 July 2025): from <see cref="Evening"/>
/// to <see cref="Morning"/> each night, and from Friday evening to Monday morning when <see cref="Weekend"/>, what
/// reaches students and families is held, then released by itself. No row: the defaults below.
/// </summary>
public sealed class QuietHours
{
    public int SchoolId { get; set; }
    public TimeOnly Evening { get; set; } = new(20, 0);
    public TimeOnly Morning { get; set; } = new(7, 0);
    public bool Weekend { get; set; } = true;

    /// <summary>Mémos between members of staff are delivered at once, even at night.</summary>
    public bool StaffExempt { get; set; }

    /// <summary>Hours between a mark reaching the student and reaching their parents (0–72, 24 by default).</summary>
    public int ParentMarkDelayHours { get; set; } = 24;
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// Days on which the window is lifted (an internat's evening, exams, a school trip): from <see cref="From"/> to
/// <see cref="To"/> included, nights starting on those days deliver at once.
/// </summary>
public sealed class QuietException
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Label { get; set; } = "";
}
