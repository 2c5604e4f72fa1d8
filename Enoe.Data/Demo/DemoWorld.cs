using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Demo;

/// <summary>
/// The académie as seeded (schools, classes, groups, who teaches what to whom, families), read back
/// in a few queries, in id order so every run walks it the same way. The month's activity is built from it.
/// </summary>
internal sealed class DemoWorld
{
    public sealed record SchoolInfo(
        int Id,
        string Slug,
        string Name,
        SchoolKind Kind,
        ServiceSet Services,
        IReadOnlyList<SlotView> Slots
    )
    {
        public bool Runs(EntService service) => Services.Runs(service);
    }

    /// <summary>A class or a teaching group: who sits in it, and which classes they come from.</summary>
    public sealed record Audience(
        int? ClassId,
        int? GroupId,
        int SchoolId,
        string Name,
        string Level,
        IReadOnlyList<int> ClassIds,
        IReadOnlyList<int> Students
    );

    public sealed record Teaching(int TeacherId, int SubjectId, string Subject, string SubjectName, Audience Audience);

    public sealed record PersonInfo(int Id, string FirstName, string LastName, string UserName)
    {
        public string Name => FirstName + " " + LastName;
    }

    public required DemoCalendar Calendar { get; init; }
    public required DateTime Now { get; init; }
    public required IReadOnlyList<SchoolInfo> Schools { get; init; }
    public required IReadOnlyList<Audience> Classes { get; init; }
    public required IReadOnlyList<Audience> Groups { get; init; }
    public required IReadOnlyList<Teaching> Teachings { get; init; }
    public required IReadOnlyDictionary<int, PersonInfo> People { get; init; }
    public required IReadOnlyList<(
        int PersonId,
        int SchoolId,
        Profile Profiles,
        string? Function
    )> Memberships { get; init; }
    public required ILookup<int, int> ParentsOf { get; init; }
    public required IReadOnlySet<int> Students { get; init; }

    public PersonInfo Named(string userName) => People.Values.First(p => p.UserName == userName);

    public SchoolInfo School(string slug) => Schools.First(s => s.Slug == slug);

    public Audience Class(string slug, string name) =>
        Classes.First(c => c.SchoolId == School(slug).Id && c.Name == name);

    public IEnumerable<int> Members(int schoolId, Profile profiles) =>
        Memberships
            .Where(m => m.SchoolId == schoolId && (m.Profiles & profiles) != 0)
            .Select(m => m.PersonId)
            .Distinct();

    /// <summary>
    /// The staff member of a school with that function ("Principale"), or whose function starts with it ("Conseiller
    /// principal").
    /// </summary>
    public int Staff(int schoolId, string function)
    {
        var staff = Memberships.Where(m => m.SchoolId == schoolId && m.Function is not null).ToList();
        return (
            staff.FirstOrDefault(m => m.Function == function) is { PersonId: > 0 } exact
                ? exact
                : staff.First(m => m.Function!.StartsWith(function, StringComparison.Ordinal))
        ).PersonId;
    }

    public IEnumerable<Teaching> TeachingsOf(Audience audience) => Teachings.Where(t => t.Audience == audience);

    public Teaching TeachingOf(Audience audience, string subject) =>
        Teachings.First(t => t.Audience == audience && t.Subject == subject);

    /// <summary>The parents of a class's (or group's) students, each once.</summary>
    public IEnumerable<int> ParentsOfAudience(Audience audience) =>
        audience.Students.SelectMany(s => ParentsOf[s]).Distinct();

    /// <summary>The local moment (Paris) of a day and time, in UTC as stored.</summary>
    public static DateTime Utc(DateOnly day, TimeOnly time) => Common.SchoolTime.ToUtc(day.ToDateTime(time));

    public static async Task<DemoWorld> LoadAsync(
        EnoeDbContext db,
        DemoCalendar calendar,
        DateTime now,
        CancellationToken ct
    )
    {
        var slots = await db.Set<TimeSlot>()
            .AsNoTracking()
            .OrderBy(t => t.SchoolId)
            .ThenBy(t => t.StartsAt)
            .ToListAsync(ct);
        var schools = (
            await db
                .Schools.AsNoTracking()
                .OrderBy(s => s.Id)
                .Select(s => new
                {
                    s.Id,
                    s.Slug,
                    s.Name,
                    s.Kind,
                    Closed = s.ClosedServices.Select(c => c.ServiceKey).ToList(),
                })
                .ToListAsync(ct)
        )
            .Select(s =>
            {
                var own = slots
                    .Where(t => t.SchoolId == s.Id)
                    .Select(t => new SlotView(t.Code, t.StartsAt, t.EndsAt))
                    .ToList();
                return new SchoolInfo(
                    s.Id,
                    s.Slug,
                    s.Name,
                    s.Kind,
                    new ServiceSet(s.Closed),
                    own.Count > 0 ? own : TimeSlots.Defaults
                );
            })
            .ToList();
        var enrolments = await db
            .Enrolments.AsNoTracking()
            .OrderBy(e => e.SchoolClassId)
            .ThenBy(e => e.StudentId)
            .Select(e => new { e.SchoolClassId, e.StudentId })
            .ToListAsync(ct);
        var groupEnrolments = await db
            .GroupEnrolments.AsNoTracking()
            .OrderBy(e => e.TeachingGroupId)
            .ThenBy(e => e.StudentId)
            .Select(e => new { e.TeachingGroupId, e.StudentId })
            .ToListAsync(ct);
        var classOf = enrolments.ToDictionary(e => e.StudentId, e => e.SchoolClassId);

        var classRows = await db
            .Classes.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.SchoolId,
                c.Name,
                Level = c.Level!.Code,
            })
            .ToListAsync(ct);
        var classes = classRows
            .Select(c => new Audience(
                c.Id,
                null,
                c.SchoolId,
                c.Name,
                c.Level,
                [c.Id],
                [.. enrolments.Where(e => e.SchoolClassId == c.Id).Select(e => e.StudentId)]
            ))
            .ToList();
        var groups = (
            await db
                .Groups.AsNoTracking()
                .OrderBy(g => g.Id)
                .Select(g => new
                {
                    g.Id,
                    g.SchoolId,
                    g.Name,
                })
                .ToListAsync(ct)
        )
            .Select(g =>
            {
                var students = groupEnrolments.Where(e => e.TeachingGroupId == g.Id).Select(e => e.StudentId).ToList();
                var fromClasses = students.Select(s => classOf[s]).Distinct().Order().ToList();
                return new Audience(
                    null,
                    g.Id,
                    g.SchoolId,
                    g.Name,
                    classes.First(c => c.ClassId == fromClasses[0]).Level,
                    fromClasses,
                    students
                );
            })
            .ToList();
        var audiences = classes.Concat(groups).ToList();
        var teachingRows = await db
            .TeachingAssignments.AsNoTracking()
            .OrderBy(t => t.Id)
            .Select(t => new
            {
                t.TeacherId,
                t.SubjectId,
                t.Subject!.Code,
                t.Subject.Name,
                t.SchoolClassId,
                t.TeachingGroupId,
            })
            .ToListAsync(ct);
        var teachings = teachingRows
            .Select(t => new Teaching(
                t.TeacherId,
                t.SubjectId,
                t.Code,
                t.Name,
                audiences.First(a => t.SchoolClassId is int c ? a.ClassId == c : a.GroupId == t.TeachingGroupId)
            ))
            .ToList();
        var people = await db
            .Users.AsNoTracking()
            .OrderBy(p => p.Id)
            .Select(p => new PersonInfo(p.Id, p.FirstName, p.LastName, p.UserName!))
            .ToDictionaryAsync(p => p.Id, ct);
        var memberships = (
            await db
                .Memberships.AsNoTracking()
                .OrderBy(m => m.SchoolId)
                .ThenBy(m => m.PersonId)
                .Select(m => new
                {
                    m.PersonId,
                    m.SchoolId,
                    m.Profiles,
                    m.Function,
                })
                .ToListAsync(ct)
        ).Select(m => (m.PersonId, m.SchoolId, m.Profiles, m.Function)).ToList();
        var guardianships = await db
            .Guardianships.AsNoTracking()
            .OrderBy(g => g.StudentId)
            .ThenBy(g => g.ParentId)
            .Select(g => new { g.ParentId, g.StudentId })
            .ToListAsync(ct);
        return new DemoWorld
        {
            Calendar = calendar,
            Now = now,
            Schools = schools,
            Classes = classes,
            Groups = groups,
            Teachings = teachings,
            People = people,
            Memberships = memberships,
            ParentsOf = guardianships.ToLookup(g => g.StudentId, g => g.ParentId),
            Students = enrolments.Select(e => e.StudentId).ToHashSet(),
        };
    }
}
