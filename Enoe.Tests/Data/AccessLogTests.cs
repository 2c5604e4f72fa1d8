using System.Globalization;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Privacy;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// Readings of a student's marks by others are logged once an hour per reader, never the family's own, and the log
/// is read by the student, their parents and the direction only.
/// </summary>
public sealed class AccessLogTests : TwoSchoolsTest
{
    private PrivacyService Privacy => Database.Get<PrivacyService>();

    [Fact]
    public async Task DirectionReadingMarks_IsLoggedOnceAnHour_FamilyReadingsAreNot()
    {
        var grades = Database.Get<GradeService>();
        Assert.True((await grades.ReportAsync(As(F.StaffA), F.StudentA.Id)).Succeeded);
        Assert.True((await grades.ReportAsync(As(F.StaffA), F.StudentA.Id)).Succeeded); // a refresh
        Database.Clock.Advance(TimeSpan.FromMinutes(59));
        await grades.ReportAsync(As(F.StaffA), F.StudentA.Id);
        await grades.ReportAsync(As(F.StudentA));
        await grades.ReportAsync(As(F.ParentA), F.StudentA.Id);
        Assert.Equal(1, await CountAsync());

        Database.Clock.Advance(TimeSpan.FromMinutes(2));
        await grades.ReportAsync(As(F.StaffA), F.StudentA.Id);

        Assert.Equal(2, await CountAsync());
        var page = (await Privacy.AccessLogAsync(As(F.ParentA), F.StudentA.Id, 0)).Value!;
        Assert.Equal(2, page.Total);
        Assert.All(page.Rows, r => Assert.Equal(("StaffA", PersonalDataKind.Marks), (r.ReaderName, r.Kind)));
        Assert.True(page.Rows[0].At > page.Rows[1].At); // newest first
    }

    [Theory]
    // Another tab of the same reader reads just after this one found it not logged yet: the second look finds it.
    [InlineData(1, false)]
    // Just after this one looked again in its turn, before it writes: the other waits for the turn (on PostgreSQL,
    // without it, it would find nothing written yet and write too).
    [InlineData(2, true)]
    public async Task TwoReadingsAtOnce_AreLoggedOnce(int afterLook, bool otherWaits)
    {
        var grades = Database.Get<GradeService>();
        var meanwhile = Meanwhile.After(
            "\"DataAccessLog\"",
            () => grades.ReportAsync(As(F.StaffA), F.StudentA.Id),
            nth: afterLook,
            onItsOwnThread: otherWaits
        );
        await using var other = Database.NewInstance(s => s.AddSingleton<IInterceptor>(meanwhile));

        var read = await other.GetRequiredService<GradeService>().ReportAsync(As(F.StaffA), F.StudentA.Id);

        Assert.True(read.Succeeded && (await meanwhile.Other).Succeeded);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task TheLog_IsReadByStudentParentAndDirection_NotByOthers()
    {
        Assert.True((await Privacy.AccessLogAsync(As(F.StudentA), F.StudentA.Id, 0)).Succeeded);
        Assert.True((await Privacy.AccessLogAsync(As(F.AdminA), F.StudentA.Id, 0)).Succeeded);
        Assert.False((await Privacy.AccessLogAsync(As(F.TeacherA), F.StudentA.Id, 0)).Succeeded);
        Assert.False((await Privacy.AccessLogAsync(As(F.StaffB), F.StudentA.Id, 0)).Succeeded);
    }

    [Fact]
    public async Task AFailingLog_NeverFailsTheRead()
    {
        await using (var db = Database.NewContext())
        {
            // A reader the log cannot name: its foreign key refuses the entry.
            var ghost = new CurrentUser(987654, "Fantôme", F.A.Id, Profile.Staff);
            await AccessLog.RecordAsync(db, Database.Clock, ghost, F.StudentA.Id, PersonalDataKind.Marks, default);
            Assert.False(db.ChangeTracker.HasChanges());
        }
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task TheRefusal_ArrivesInEnglish()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var refused = await Privacy.AccessLogAsync(As(F.StaffB), F.StudentA.Id, 0);
            Assert.Equal("You cannot view this student's access log.", Assert.Single(refused.Errors));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private async Task<int> CountAsync()
    {
        await using var db = Database.NewContext();
        return await db.Set<DataAccessEntry>().CountAsync(e => e.StudentId == F.StudentA.Id);
    }
}
