using Enoe.Data.Directory;
using Enoe.Data.SchoolLife;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.Timetable;

/// <summary>
/// A departed teacher whose lessons stay in the timetable, a CPE who changed a lesson and recorded an absence: the
/// directory's purge keeps them as tombstones instead of failing on the foreign keys; a departed student's absences go
/// with them.
/// </summary>
public sealed class PurgeOfTimetablePeopleTests
{
    [Fact]
    public async Task TeachersAndTheVieScolaire_BecomeTombstones_AStudentsAbsencesGo()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var t = await TimetableFixture.CreateAsync(database, f);
        var past = database.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await using (var db = database.NewContext())
        {
            db.Add(
                new LessonChange
                {
                    LessonId = t.Maths.Id,
                    Date = TimetableFixture.Monday,
                    Kind = LessonChangeKind.Cancelled,
                    Reason = "Absent",
                    ChangedById = f.StaffA.Id,
                    ChangedAt = past,
                }
            );
            db.Add(
                new Absence
                {
                    SchoolId = f.A.Id,
                    StudentId = f.StudentA.Id,
                    LessonId = t.Maths.Id,
                    Date = TimetableFixture.Monday,
                    StartsAt = new(8, 0),
                    EndsAt = new(8, 55),
                    RecordedById = f.StaffA.Id,
                    RecordedAt = past,
                }
            );
            await db.SaveChangesAsync();
            await db
                .Users.Where(p => p.Id == f.TeacherA.Id || p.Id == f.StaffA.Id || p.Id == f.StudentA.Id)
                .ExecuteUpdateAsync(u =>
                    u.SetProperty(p => p.DirectoryKey, p => "gone-" + p.UserName)
                        .SetProperty(p => p.DisabledAt, past)
                        .SetProperty(p => p.DeletionDueAt, past)
                );
        }

        var deleted = await database.Get<DirectoryPurge>().DeleteDueAsync();

        Assert.Equal(3, deleted);
        await using var after = database.NewContext();
        Assert.Equal(
            2,
            await after.Users.CountAsync(p => (p.Id == f.TeacherA.Id || p.Id == f.StaffA.Id) && p.UserName == null)
        );
        Assert.False(await after.Users.AnyAsync(p => p.Id == f.StudentA.Id));
        Assert.Equal(5, await after.Set<Lesson>().CountAsync());
        Assert.Equal(1, await after.Set<LessonChange>().CountAsync());
        Assert.False(await after.Set<Absence>().AnyAsync());
    }
}
