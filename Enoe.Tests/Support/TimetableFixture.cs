using Enoe.Data.Bookings;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Data.Timetable;

namespace Enoe.Tests.Support;

/// <summary>
/// A week of <see cref="TwoSchools"/>' 6eA, on the test clock's Friday 20 November 2026: Monday M1 maths in Salle 101,
/// Tuesday M3 SVT on weeks A and physique on weeks B in Labo 1, Thursday S1 LV2 espagnol (a group StudentA sits in),
/// and TeacherA's Wednesday lesson in établissement B. A one-week local holiday (9–13 November) shifts weeks A and B:
/// the week of 16 November is an A (week A is the rentrée's, 31 August).
/// </summary>
public sealed class TimetableFixture
{
    public static readonly DateOnly Monday = new(2026, 11, 16);
    public required Lesson Maths { get; init; }
    public required Lesson SvtA { get; init; }
    public required Lesson PhysicsB { get; init; }
    public required Lesson Spanish { get; init; }
    public required Lesson InB { get; init; }
    public required SchoolClass ClassB { get; init; }

    private static Lesson InGroup(Lesson lesson, TeachingGroup group)
    {
        (lesson.SchoolClassId, lesson.TeachingGroup) = (null, group);
        return lesson;
    }

    public static async Task<TimetableFixture> CreateAsync(TestDatabase database, TwoSchools f)
    {
        await using var db = database.NewContext();
        Subject S(string code, int school) =>
            new()
            {
                SchoolId = school,
                Code = code,
                Name = code,
            };
        var (maths, svt, pc, esp) = (S("MATHS", f.A.Id), S("SVT", f.A.Id), S("PC", f.A.Id), S("ESP", f.A.Id));
        var group = new TeachingGroup { SchoolId = f.A.Id, Name = "LV2 espagnol 6e" };
        var classB = new SchoolClass
        {
            SchoolId = f.B.Id,
            LevelId = 1,
            Name = "6eB",
        };
        db.Add(new GroupEnrolment { StudentId = f.StudentA.Id, TeachingGroup = group });
        db.Add(
            new Membership
            {
                PersonId = f.TeacherA.Id,
                SchoolId = f.B.Id,
                Profiles = Profile.Teacher,
            }
        );
        Lesson L(DayOfWeek day, int hour, int minute, Subject subject, string room, WeekPattern weeks = default) =>
            new()
            {
                SchoolId = f.A.Id,
                Day = day,
                StartsAt = new(hour, minute),
                EndsAt = new TimeOnly(hour, minute).AddMinutes(55),
                SchoolClassId = f.ClassA.Id,
                Subject = subject,
                TeacherId = f.TeacherA.Id,
                Room = room,
                Weeks = weeks,
            };
        var fixture = new TimetableFixture
        {
            Maths = L(DayOfWeek.Monday, 8, 0, maths, "Salle 101"),
            SvtA = L(DayOfWeek.Tuesday, 10, 5, svt, "Labo 1", WeekPattern.A),
            PhysicsB = L(DayOfWeek.Tuesday, 10, 5, pc, "Labo 1", WeekPattern.B),
            Spanish = InGroup(L(DayOfWeek.Thursday, 13, 30, esp, "Salle 204"), group),
            InB = new Lesson
            {
                SchoolId = f.B.Id,
                Day = DayOfWeek.Wednesday,
                StartsAt = new(9, 0),
                EndsAt = new(9, 55),
                SchoolClass = classB,
                Subject = S("MATHS", f.B.Id),
                TeacherId = f.TeacherA.Id,
                Room = "B12",
            },
            ClassB = classB,
        };
        db.AddRange(fixture.Maths, fixture.SvtA, fixture.PhysicsB, fixture.Spanish, fixture.InB);
        db.Add(
            new HolidayPeriod
            {
                SchoolId = f.A.Id,
                Name = "Pont de novembre",
                From = new(2026, 11, 9),
                To = new(2026, 11, 13),
            }
        );
        db.Add(
            new HolidayPeriod
            {
                Name = "Vacances de Noël",
                From = new(2026, 12, 19),
                To = new(2027, 1, 3),
            }
        );
        await db.SaveChangesAsync();
        return fixture;
    }
}
