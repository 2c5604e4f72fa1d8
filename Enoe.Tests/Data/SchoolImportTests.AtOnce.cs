using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Enoe.Tests.Support.AcademyConsole;

namespace Enoe.Tests.Data;

/// <summary>A file imported while another admin switches one of its établissements' services.</summary>
public sealed class SchoolImportAtOnceTests : AcademyConsoleTest
{
    [Fact]
    public async Task AServiceSwitchedWhileTheFileIsImported_WaitsForIt_AndTheHistoryIsOneChain()
    {
        const string withoutMemos = "portail,site,carnet,reservations,documents,notes,competences,ressources";
        Assert.True((await Schools.ImportAsync(Admin, Csv(Line(1, services: withoutMemos)))).Succeeded);
        int school;
        await using (var db = Database.NewContext())
            school = await db.Schools.Where(s => s.Uai == Uai.Create("0259001")).Select(s => s.Id).SingleAsync();
        // Another admin opens Mémos just after the import read the établissement's services, before it writes them:
        // the file opens Mémos too. It waits for the import's turn (on SQLite, for its write transaction).
        var meanwhile = Meanwhile.After(
            "\"ClosedServices\"",
            () => Database.Get<SchoolServiceSwitches>().SetAsync(Admin, school, EntService.Memos, true),
            onItsOwnThread: true
        );
        await using var other = Database.NewInstance(s =>
        {
            AddAccounts(s);
            s.AddSingleton<IInterceptor>(meanwhile);
        });

        var imported = await other.GetRequiredService<SchoolAdministration>().ImportAsync(Admin, Csv(Line(1)));
        var switched = await meanwhile.Other;

        Assert.True(
            imported.Succeeded && switched.Succeeded,
            string.Join(" ", imported.Errors.Concat(switched.Errors))
        );
        await using var read = Database.NewContext();
        var memos = await read.Set<ServiceSwitchChange>()
            .Where(c => c.SchoolId == school && c.ServiceKey == EntService.Memos.Key)
            .Select(c => new { c.Before, c.After })
            .ToListAsync();
        // The import opened it, the switch found it open: one change, from the state the first import left.
        Assert.Equal([new { Before = ServiceState.Off, After = ServiceState.On }], memos);
    }
}
