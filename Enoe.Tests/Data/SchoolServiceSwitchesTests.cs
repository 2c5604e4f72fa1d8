using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed class SchoolServiceSwitchesTests
{
    [Fact]
    public async Task OnlyAnAcademyAdmin_SwitchesServices()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var switches = database.Get<SchoolServiceSwitches>();

        Assert.Equal(
            ResultKind.Forbidden,
            (await switches.SetAsync(TwoSchools.As(f.AdminA, f.A), f.A.Id, EntService.Memos, false)).Kind
        );
        Assert.Equal(ResultKind.Forbidden, (await switches.ListAsync(TwoSchools.As(f.AdminA, f.A))).Kind);
        Assert.True(await switches.RunsAsync(f.A.Id, EntService.Memos));

        await using (var db = database.NewContext())
        {
            (await db.Users.SingleAsync(u => u.Id == f.StaffB.Id)).IsAcademyAdmin = true;
            await db.SaveChangesAsync();
        }
        var rectorat = new CurrentUser(f.StaffB.Id, "Rectorat", null, Profile.AcademyAdmin);
        Assert.True((await switches.SetAsync(rectorat, f.A.Id, EntService.Memos, false)).Succeeded);
        Assert.False(await switches.RunsAsync(f.A.Id, EntService.Memos));
        Assert.True(await switches.RunsAsync(f.B.Id, EntService.Memos));
        Assert.True((await switches.SetAsync(rectorat, f.A.Id, EntService.Memos, true)).Succeeded);
        Assert.True(await switches.RunsAsync(f.A.Id, EntService.Memos));
        Assert.Equal(
            ResultKind.Invalid,
            (await switches.SetAsync(rectorat, f.A.Id, new EntService("no-such-service"), true)).Kind
        );
    }

    [Fact]
    public async Task SchoolAdmin_SetsTheHomeworkWarningThreshold_OthersCannot_AndBadValuesAreRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var settings = database.Get<SchoolSettingsService>();
        Assert.Equal(
            ResultKind.Forbidden,
            (await settings.SaveAsync(TwoSchools.As(f.TeacherA, f.A), new SchoolSettings(5))).Kind
        );
        Assert.Equal(
            ["Le seuil d'alerte va de 1 à 10 travaux le même jour."],
            (await settings.SaveAsync(TwoSchools.As(f.AdminA, f.A), new SchoolSettings(0))).Errors
        );
        Assert.True((await settings.SaveAsync(TwoSchools.As(f.AdminA, f.A), new SchoolSettings(5))).Succeeded);
        Assert.Equal(5, (await settings.GetAsync(TwoSchools.As(f.AdminA, f.A))).Value!.HomeworkWarningThreshold);
        await using var db = database.NewContext();
        Assert.Equal(3, (await db.Schools.SingleAsync(s => s.Id == f.B.Id)).HomeworkWarningThreshold);
    }
}
