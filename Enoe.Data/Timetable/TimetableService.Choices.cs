using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Timetable;

/// <summary>
/// The timetables the personnel of an établissement may open: its classes, groups, teachers and rooms.
/// </summary>
public sealed record TimetableChoices(
    IReadOnlyList<(int Id, string Name)> Classes,
    IReadOnlyList<(int Id, string Name)> Groups,
    IReadOnlyList<(int Id, string Name)> Teachers,
    IReadOnlyList<string> Rooms
)
{
    public static readonly TimetableChoices None = new([], [], [], []);
}

public sealed partial class TimetableService
{
    /// <summary>
    /// For the personnel of the établissement of the reader's session, what they may look at; nothing for others.
    /// </summary>
    public async Task<TimetableChoices> ChoicesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await TimetableScope.PersonnelAsync(db, user.PersonId, user.SchoolId, ct))
            return TimetableChoices.None;
        var school = user.SchoolId;
        var classes = await db
            .Classes.Where(c => c.SchoolId == school)
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        var groups = await db
            .Groups.Where(g => g.SchoolId == school)
            .OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name })
            .ToListAsync(ct);
        var teachers = await db.Set<Lesson>()
            .Where(l => l.SchoolId == school)
            .Select(l => new
            {
                l.TeacherId,
                l.Teacher!.LastName,
                l.Teacher.FirstName,
            })
            .Distinct()
            .ToListAsync(ct);
        var rooms = await db.Set<Lesson>()
            .Where(l => l.SchoolId == school && l.Room != null)
            .Select(l => l.Room!)
            .Distinct()
            .ToListAsync(ct);
        return new(
            [.. classes.Select(c => (c.Id, c.Name))],
            [.. groups.Select(g => (g.Id, g.Name))],
            [
                .. teachers
                    .OrderBy(t => t.LastName, StringComparer.CurrentCulture)
                    .ThenBy(t => t.FirstName, StringComparer.CurrentCulture)
                    .Select(t => (t.TeacherId, PersonNames.Listed(t.LastName, t.FirstName))),
            ],
            [.. rooms.Order(StringComparer.CurrentCulture)]
        );
    }
}
