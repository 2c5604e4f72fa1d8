using System.Net;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// The académie's switches: said before done, recorded, announced, and the gate every service goes through.
/// </summary>
public sealed class ServiceSwitchingTests
{
    private static async Task<(TestDatabase Database, TwoSchools F, CurrentUser Rectorat)> ArrangeAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        await using var db = database.NewContext();
        (await db.Users.SingleAsync(u => u.Id == f.StaffB.Id)).IsAcademyAdmin = true;
        await db.SaveChangesAsync();
        return (database, f, new CurrentUser(f.StaffB.Id, "Rectorat", null, Profile.AcademyAdmin));
    }

    [Fact]
    public async Task ThePlanSaysWhatWouldChange_AndChangesNothing()
    {
        var (database, f, rectorat) = await ArrangeAsync();
        await using var _ = database;
        var switches = database.Get<SchoolServiceSwitches>();
        Assert.True((await switches.SetAsync(rectorat, f.B.Id, EntService.Memos, false)).Succeeded);

        var plan = (await switches.PlanAsync(rectorat, [f.A.Id, f.B.Id], EntService.Memos, ServiceState.Off)).Value!;

        Assert.Equal([f.A.Name], plan.Changing);
        Assert.Equal(1, plan.Unchanged);
        Assert.Equal(5, plan.People); // the five accounts of A lose Mémos
        Assert.Equal(ServiceState.On, await database.Get<ServiceAccess>().StateAsync(f.A.Id, EntService.Memos));
    }

    [Fact]
    public async Task ABulkChange_RecordsEachSchoolThatChanged_WhoAndWhen_AndAnnouncesIt()
    {
        var (database, f, rectorat) = await ArrangeAsync();
        await using var _ = database;
        var switches = database.Get<SchoolServiceSwitches>();
        var announced = new List<int>();
        using var listening = database
            .Get<IEventBus>()
            .Subscribe<SchoolServicesChanged>(e =>
            {
                lock (announced)
                    announced.Add(e.SchoolId);
                return Task.CompletedTask;
            });
        await switches.SetAsync(rectorat, f.B.Id, EntService.Bookings, false);
        await database.DeliveredAsync();
        announced.Clear();
        database.Clock.Advance(TimeSpan.FromHours(1));

        var applied = await switches.ApplyAsync(rectorat, [f.A.Id, f.B.Id], EntService.Bookings, ServiceState.Off);

        Assert.Equal(1, applied.Value); // B was closed already: not changed, not recorded again
        await database.DeliveredAsync();
        Assert.Equal([f.A.Id], announced);
        var history = (await switches.HistoryAsync(rectorat)).Value!;
        var latest = history[0];
        Assert.Equal(
            (f.A.Name, "bookings", ServiceState.On, ServiceState.Off),
            (latest.School, latest.ServiceKey, latest.Before, latest.After)
        );
        Assert.Equal("StaffB Test", latest.ChangedBy);
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, latest.ChangedAt);
        Assert.Equal(2, history.Count);
        Assert.Equal(ResultKind.Forbidden, (await switches.HistoryAsync(TwoSchools.As(f.AdminA, f.A))).Kind);
    }

    [Fact]
    public async Task TwoAdmins_SwitchingOverlappingSchoolsAtOnce_TakeTurns_AndEachChangeIsRecordedOnce()
    {
        var (database, f, rectorat) = await ArrangeAsync();
        await using var _ = database;
        var switches = database.Get<SchoolServiceSwitches>();

        // The same two établissements, named in opposite orders, switched off then on again at the same moment.
        for (var round = 0; round < 10; round++)
            foreach (var to in new[] { ServiceState.Off, ServiceState.On })
            {
                var both = await Task.WhenAll(
                    Task.Run(() => switches.ApplyAsync(rectorat, [f.A.Id, f.B.Id], EntService.Memos, to)),
                    Task.Run(() => switches.ApplyAsync(rectorat, [f.B.Id, f.A.Id], EntService.Memos, to))
                );

                Assert.All(both, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors)));
                Assert.Equal(2, both.Sum(r => r.Value)); // each établissement changed once, by one of the two
            }

        await using var db = database.NewContext();
        var changes = await db.Set<ServiceSwitchChange>()
            .Where(c => c.ServiceKey == EntService.Memos.Key)
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.SchoolId,
                c.Before,
                c.After,
            })
            .ToListAsync();
        Assert.Equal(40, changes.Count);
        // Each établissement's history is one chain: every change starts from the state the one before left.
        foreach (var history in changes.GroupBy(c => c.SchoolId))
            Assert.All(history.Zip(history.Skip(1)), pair => Assert.Equal(pair.First.After, pair.Second.Before));
    }

    [Fact]
    public async Task OnlyTheAcademy_Switches_AndABadRequestChangesNothing()
    {
        var (database, f, rectorat) = await ArrangeAsync();
        await using var _ = database;
        var switches = database.Get<SchoolServiceSwitches>();
        var admin = TwoSchools.As(f.AdminA, f.A);

        Assert.Equal(
            ResultKind.Forbidden,
            (await switches.ApplyAsync(admin, [f.A.Id], EntService.Memos, ServiceState.Off)).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await switches.PlanAsync(admin, [f.A.Id], EntService.Memos, ServiceState.Off)).Kind
        );
        Assert.Equal(
            ResultKind.NotFound,
            (await switches.ApplyAsync(rectorat, [f.A.Id, 999_999], EntService.Memos, ServiceState.Off)).Kind
        );
        Assert.Equal(
            ["Choisissez au moins un établissement."],
            (await switches.ApplyAsync(rectorat, [], EntService.Memos, ServiceState.Off)).Errors
        );
        Assert.Equal(
            ResultKind.Invalid,
            (await switches.ApplyAsync(rectorat, [f.A.Id], new EntService("nope"), ServiceState.Off)).Kind
        );

        await using var db = database.NewContext();
        Assert.False(await db.Set<ClosedService>().AnyAsync());
        Assert.False(await db.Set<ServiceSwitchChange>().AnyAsync());
    }

    [Fact]
    public async Task InsideOnly_IsRefusedFromOutside_AllowedFromTheSchoolsNetworks_AndOffIsRefusedEverywhere()
    {
        var (database, f, rectorat) = await ArrangeAsync();
        await using var _ = database;
        var switches = database.Get<SchoolServiceSwitches>();
        var access = database.Get<ServiceAccess>();
        await using (var db = database.NewContext())
            await db
                .Schools.Where(s => s.Id == f.A.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.InsideNetworks, "10.25.7.0/24 2001:db8:25::/48"));
        var student = TwoSchools.As(f.StudentA, f.A);
        CurrentUser From(string address) => student with { ClientAddress = IPAddress.Parse(address) };

        await switches.ApplyAsync(rectorat, [f.A.Id], EntService.Memos, ServiceState.InsideOnly);

        Assert.Null(await access.RefusalAsync(From("10.25.7.42"), EntService.Memos));
        Assert.Null(await access.RefusalAsync(From("::ffff:10.25.7.42"), EntService.Memos)); // IPv4 over an IPv6 socket
        Assert.Null(await access.RefusalAsync(From("2001:db8:25::9"), EntService.Memos));
        Assert.Equal(
            ["Ce service n'est accessible que depuis l'établissement."],
            (await access.RefusalAsync(From("192.0.2.10"), EntService.Memos))!.Errors
        );
        Assert.NotNull(await access.RefusalAsync(student, EntService.Memos)); // no address known: outside
        Assert.Null(await access.RefusalAsync(From("192.0.2.10"), EntService.Bookings));

        await switches.ApplyAsync(rectorat, [f.A.Id], EntService.Memos, ServiceState.Off);
        Assert.Equal(
            ["Ce service n'est pas ouvert dans cet établissement."],
            (await access.RefusalAsync(From("10.25.7.42"), EntService.Memos))!.Errors
        );
        Assert.Null(await access.RefusalAsync(TwoSchools.As(f.StaffB, f.B), EntService.Memos));
    }

    [Fact]
    public async Task AnArchivedSchool_RunsNothing_AndCannotBeSwitched()
    {
        var (database, f, rectorat) = await ArrangeAsync();
        await using var _ = database;
        var access = database.Get<ServiceAccess>();
        Assert.Null(await access.RefusalAsync(TwoSchools.As(f.StudentA, f.A), EntService.Memos)); // cached as open
        await using (var db = database.NewContext())
            await db
                .Schools.Where(s => s.Id == f.A.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, DateTime.UtcNow));
        await database.Get<IEventBus>().PublishAsync(new SchoolServicesChanged(f.A.Id));
        await database.DeliveredAsync();

        Assert.Equal(
            ["Cet établissement est archivé : ses services sont fermés."],
            (await access.RefusalAsync(TwoSchools.As(f.StudentA, f.A), EntService.Memos))!.Errors
        );
        var switches = database.Get<SchoolServiceSwitches>();
        Assert.Equal(ResultKind.NotFound, (await switches.SetAsync(rectorat, f.A.Id, EntService.Memos, false)).Kind);
        Assert.DoesNotContain((await switches.ListAsync(rectorat)).Value!, s => s.SchoolId == f.A.Id);
    }

    [Fact]
    public async Task WithoutExternalAccess_EveryRunningServiceIsInsideOnly_AndTheRefusalComesInEnglishToo()
    {
        var (database, f, _) = await ArrangeAsync();
        await using var __ = database;
        await using (var db = database.NewContext())
            await db
                .Schools.Where(s => s.Id == f.A.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExternalAccess, false));
        var access = database.Get<ServiceAccess>();

        Assert.Equal(ServiceState.InsideOnly, await access.StateAsync(f.A.Id, EntService.Logbook));
        using (new InEnglish())
            Assert.Equal(
                ["This service can only be reached from inside the school."],
                (await access.RefusalAsync(TwoSchools.As(f.StudentA, f.A), EntService.Logbook))!.Errors
            );
    }

    [Fact]
    public async Task OpeningFromAnywhere_WhereTheSchoolHasNoExternalAccess_IsNoChange_AndAForgedStateIsRefused()
    {
        var (database, f, rectorat) = await ArrangeAsync();
        await using var _ = database;
        await using (var db = database.NewContext())
            await db
                .Schools.Where(s => s.Id == f.A.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExternalAccess, false));
        var switches = database.Get<SchoolServiceSwitches>();

        Assert.Empty((await switches.PlanAsync(rectorat, [f.A.Id], EntService.Memos, ServiceState.On)).Value!.Changing);
        Assert.Equal(0, (await switches.ApplyAsync(rectorat, [f.A.Id], EntService.Memos, ServiceState.On)).Value);
        Assert.Equal(
            ResultKind.Invalid,
            (await switches.ApplyAsync(rectorat, [f.A.Id], EntService.Memos, (ServiceState)7)).Kind
        );

        await using var check = database.NewContext();
        Assert.False(await check.Set<ServiceSwitchChange>().AnyAsync());
        Assert.False(await check.Set<ClosedService>().AnyAsync());
    }
}
