using Enoe.Data.Storage;
using Enoe.Data.Structure;

namespace Enoe.Data.Logbook;

public sealed record LogbookEntryView(
    int Id,
    int? SchoolClassId,
    int? TeachingGroupId,
    string Audience,
    int SubjectId,
    string Subject,
    DateOnly SessionDate,
    TimeOnly StartsAt,
    TimeOnly EndsAt,
    string Content,
    string? Homework,
    DateOnly? HomeworkDueDate,
    int? HomeworkMinutes,
    string UpdatedBy,
    DateTime UpdatedAt,
    int Version,
    bool Deleted,
    bool Done,
    IReadOnlyList<FileView> Attachments
);

/// <summary>
/// A day's sessions and the homework due in the days that follow (<see cref="LogbookService.DayAsync"/>).
/// </summary>
public sealed record LogbookDay(IReadOnlyList<LogbookEntryView> Sessions, IReadOnlyList<LogbookEntryView> Homework);

/// <summary>A class or group a teacher writes the carnet de bord for, in one subject.</summary>
public sealed record TeachingAudience(
    int? SchoolClassId,
    int? TeachingGroupId,
    string Name,
    int SubjectId,
    string Subject
);

public sealed record LogbookRevisionView(
    int Version,
    string Content,
    string? Homework,
    DateOnly? HomeworkDueDate,
    DateTime EditedAt,
    string EditedBy
);

/// <summary>How much homework a class already has due on a day, and from how many the school warns.</summary>
public sealed record HomeworkLoad(int Due, int Threshold)
{
    public bool Warn => Due >= Threshold;
}
