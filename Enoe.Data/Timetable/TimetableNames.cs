using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Timetable;

/// <summary>
/// The établissement's classes, groups, subjects and teachers as a timetable file names them: a class or group by its
/// name (a group also by its directory code), a subject by its code or name, a teacher by their login or by "NOM
/// Prénom" when no other teacher of the établissement has that name. Case is ignored.
/// </summary>
internal sealed class TimetableNames
{
    private readonly Dictionary<string, int> _classes = new(StringComparer.OrdinalIgnoreCase),
        _groups = new(StringComparer.OrdinalIgnoreCase),
        _subjects = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each name to its teacher; null where two teachers share it.</summary>
    private readonly Dictionary<string, int?> _teachers = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<TimetableNames> LoadAsync(EnoeDbContext db, int school, CancellationToken ct)
    {
        var names = new TimetableNames();
        foreach (
            var c in await db.Classes.Where(c => c.SchoolId == school).Select(c => new { c.Id, c.Name }).ToListAsync(ct)
        )
            names._classes.TryAdd(c.Name, c.Id);
        var groups = await db
            .Groups.Where(g => g.SchoolId == school)
            .Select(g => new
            {
                g.Id,
                g.Name,
                g.Code,
            })
            .ToListAsync(ct);
        foreach (var g in groups)
        {
            names._groups.TryAdd(g.Name, g.Id);
            if (g.Code is not null)
                names._groups.TryAdd(g.Code, g.Id);
        }
        var subjects = await db
            .Subjects.Where(s => s.SchoolId == school)
            .Select(s => new
            {
                s.Id,
                s.Code,
                s.Name,
            })
            .ToListAsync(ct);
        foreach (var s in subjects)
        {
            names._subjects.TryAdd(s.Code, s.Id);
            names._subjects.TryAdd(s.Name, s.Id);
        }
        var teachers = await db
            .Memberships.Where(m => m.SchoolId == school && (m.Profiles & Profile.Teacher) != 0)
            .Select(m => new
            {
                m.PersonId,
                m.Person!.UserName,
                m.Person.FirstName,
                m.Person.LastName,
            })
            .ToListAsync(ct);
        foreach (var t in teachers)
        {
            if (t.UserName is not null)
                names._teachers[t.UserName] = t.PersonId;
            foreach (var name in new[] { $"{t.LastName} {t.FirstName}", $"{t.FirstName} {t.LastName}" })
                names._teachers[name] =
                    names._teachers.TryGetValue(name, out var other) && other != t.PersonId ? null : t.PersonId;
        }
        return names;
    }

    /// <summary>The lesson the line describes, or why it cannot be read.</summary>
    public string? Resolve(int school, TimetableCsvLine line, out Lesson? lesson)
    {
        lesson = null;
        int? classId = null,
            groupId = null;
        if (line.Class is not null)
        {
            if (!_classes.TryGetValue(line.Class, out var c))
                return TimetableMessages.FormatImport_UnknownClass(line.Class);
            classId = c;
        }
        else
        {
            if (!_groups.TryGetValue(line.Group!, out var g))
                return TimetableMessages.FormatImport_UnknownGroup(line.Group);
            groupId = g;
        }
        if (!_subjects.TryGetValue(line.Subject, out var subject))
            return TimetableMessages.FormatImport_UnknownSubject(line.Subject);
        if (!_teachers.TryGetValue(Spaces(line.Teacher), out var teacher))
            return TimetableMessages.FormatImport_UnknownTeacher(line.Teacher);
        if (teacher is null)
            return TimetableMessages.FormatImport_AmbiguousTeacher(line.Teacher);
        lesson = new Lesson
        {
            SchoolId = school,
            Day = line.Day,
            StartsAt = line.StartsAt,
            EndsAt = line.EndsAt,
            SchoolClassId = classId,
            TeachingGroupId = groupId,
            SubjectId = subject,
            TeacherId = teacher.Value,
            Room = line.Room,
            Weeks = line.Weeks,
            From = line.From,
            To = line.To,
        };
        return null;
    }

    private static string Spaces(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
