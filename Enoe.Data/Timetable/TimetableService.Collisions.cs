namespace Enoe.Data.Timetable;

/// <summary>
/// A lesson moved where its class or group, its teacher or its room already has a lesson: the direction is told which
/// ones before anything is written, and moves it anyway only once it confirms.
/// </summary>
public sealed partial class TimetableService
{
    /// <summary>
    /// The lessons taking place on the day and hours the draft moves <paramref name="lesson"/> to that share its
    /// class or group, its teacher or its (new) room, each described for the form; none for another kind of change.
    /// </summary>
    private async Task<IReadOnlyList<string>> CollisionsAsync(
        Lesson lesson,
        LessonChangeDraft draft,
        CancellationToken ct
    )
    {
        if (draft is not { Kind: LessonChangeKind.Moved, NewDate: DateOnly day, NewStartsAt: { } s, NewEndsAt: { } e })
            return [];
        var room = string.IsNullOrWhiteSpace(draft.NewRoom) ? lesson.Room : draft.NewRoom.Trim();
        var others = await SchoolDayAsync(lesson.SchoolId, day, ct);
        return
        [
            .. others
                .Where(o =>
                    o.LessonId != lesson.Id
                    && o.StartsAt < e
                    && o.EndsAt > s
                    && (
                        (lesson.SchoolClassId is int c && o.ClassId == c)
                        || (lesson.TeachingGroupId is int g && o.GroupId == g)
                        || o.TeacherId == lesson.TeacherId
                        || (room is not null && string.Equals(o.Room, room, StringComparison.OrdinalIgnoreCase))
                    )
                )
                .Select(o =>
                    TimetableMessages.FormatChange_Collision(
                        o.Subject,
                        $"{o.StartsAt:HH\\:mm}–{o.EndsAt:HH\\:mm}",
                        string.Join(" · ", new[] { o.Audience, o.Teacher, o.Room }.OfType<string>())
                    )
                ),
        ];
    }
}
