using System.Globalization;
using System.Net;
using Enoe.Data.Assignments;
using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.DigitalResources;
using Enoe.Data.Documents;
using Enoe.Data.Events;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Data.Skills;
using Enoe.Data.Storage;
using Enoe.Data.UsefulLinks;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

using Call = Func<TestDatabase, CurrentUser, Task<Result>>;

/// <summary>
/// Every ENT data service passes ServiceAccess before reading or writing: a service switched off (in an open page, a
/// widget, anything that calls it) refuses at once with the reason, whatever the ids asked for.
/// </summary>
public sealed class ServiceGateTests : IAsyncLifetime
{
    private const string Off = "Ce service n'est pas ouvert dans cet établissement.";
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static readonly BookingRequest Slot = new(1, new DateOnly(2031, 3, 3), new(8, 0), new(9, 0));

    /// <summary>A read and a write of each service, by its key.</summary>
    private static readonly Dictionary<string, (EntService Service, Call Read, Call Write)> Calls = new()
    {
        ["memos"] = (
            EntService.Memos,
            async (d, u) => await d.Get<MemoService>().ConversationAsync(u, 1),
            async (d, u) => await d.Get<MemoService>().MoveAsync(u, 1, MemoFolder.Archive)
        ),
        ["logbook"] = (
            EntService.Logbook,
            async (d, u) => await d.Get<LogbookService>().HistoryAsync(u, 1),
            async (d, u) => await d.Get<LogbookService>().DeleteAsync(u, 1, 1)
        ),
        ["assignments"] = (
            EntService.Documents,
            async (d, u) => await d.Get<AssignmentService>().GetAsync(u, 1),
            async (d, u) => await d.Get<AssignmentService>().DeleteAsync(u, 1)
        ),
        ["bookings"] = (
            EntService.Bookings,
            async (d, u) => await d.Get<BookingService>().PlanSeriesAsync(u, Slot, Slot.Date.AddDays(28)),
            async (d, u) => await d.Get<BookingService>().BookAsync(u, Slot)
        ),
        ["documents"] = (
            EntService.Documents,
            async (d, u) => await d.Get<DocumentService>().BrowseAsync(u, 1, null),
            async (d, u) => await d.Get<DocumentService>().RenameAsync(u, 1, "x.pdf")
        ),
        ["grades"] = (
            EntService.Grades,
            async (d, u) => await d.Get<GradeService>().GridAsync(u, 1),
            async (d, u) => await d.Get<GradeService>().PublishAsync(u, 1, true)
        ),
        ["skills"] = (
            EntService.Skills,
            async (d, u) => await d.Get<SkillService>().BookletAsync(u),
            // A student of the asker's établissement: the student's établissement decides (issue 17).
            async (d, u) => await d.Get<SkillService>().AssessAsync(u, await StudentOfAsync(d, u), 1, default)
        ),
        ["resources"] = (
            EntService.DigitalResources,
            async (d, u) => await d.Get<DigitalResourceService>().ListManagedAsync(u),
            async (d, u) => await d.Get<DigitalResourceService>().ToggleFavouriteAsync(u, 1)
        ),
        ["links"] = (
            EntService.UsefulLinks,
            async (d, u) => await d.Get<UsefulLinkService>().ListForAdminAsync(u),
            async (d, u) => await d.Get<UsefulLinkService>().DeleteAsync(u, 1)
        ),
        ["site"] = (
            EntService.PublicSite,
            async (d, u) => await d.Get<ArticleService>().ListForEditorAsync(u, u.SchoolId!.Value),
            async (d, u) => await d.Get<ArticleService>().DeleteAsync(u, 1, 1)
        ),
        ["dashboard"] = (
            EntService.Dashboard,
            async (d, u) => await d.Get<LayoutService>().MoveTabAsync(u, 1, 1),
            async (d, u) => await d.Get<LayoutService>().AddTabAsync(u, "Onglet")
        ),
    };

    public static TheoryData<string> Services => [.. Calls.Keys];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task ASwitchedOffService_RefusesItsReadsAndWrites_WithTheReason(string key)
    {
        var (service, read, write) = Calls[key];
        var admin = TwoSchools.As(_f.AdminA, _f.A);
        await SwitchOffAsync(service);

        foreach (var call in new[] { read, write })
        {
            var result = await call(_database, admin);
            Assert.Equal(ResultKind.Forbidden, result.Kind);
            Assert.Equal([Off], result.Errors);
        }
        // Another établissement is not concerned.
        Assert.NotEqual([Off], (await read(_database, TwoSchools.As(_f.StaffB, _f.B))).Errors);
    }

    [Fact]
    public async Task AnInsideOnlyService_RefusesFromOutside_AnswersFromInside()
    {
        await using (var db = _database.NewContext())
        {
            var school = await db.Schools.SingleAsync(s => s.Id == _f.A.Id);
            school.InsideNetworks = "10.25.7.0/24";
            db.Add(new InsideOnlyService { SchoolId = school.Id, ServiceKey = EntService.Skills.Key });
            await db.SaveChangesAsync();
        }
        var student = TwoSchools.As(_f.StudentA, _f.A);
        var skills = _database.Get<SkillService>();

        Assert.Equal(
            ["Ce service n'est accessible que depuis l'établissement."],
            (await skills.BookletAsync(student with { ClientAddress = IPAddress.Parse("203.0.113.5") })).Errors
        );
        Assert.Null(await skills.ProgressAsync(student)); // no address known: outside
        Assert.True(
            (await skills.BookletAsync(student with { ClientAddress = IPAddress.Parse("10.25.7.9") })).Succeeded
        );
    }

    [Fact]
    public async Task AFileOfASwitchedOffService_IsRefusedWithTheReason_EvenToItsOwner()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        var documents = _database.Get<DocumentService>();
        var mine = (await documents.SpacesAsync(teacher)).First(s => s.Kind == SpaceKind.Personal);
        await documents.UploadAsync(teacher, mine.Id, null, [TestFiles.Pdf("grille.pdf")]);
        var fileId = (await documents.BrowseAsync(teacher, mine.Id, null)).Value!.Documents.Single().FileId;
        var files = _database.Get<FileStore>();
        Assert.True((await files.ReadAsync(teacher, fileId)).Succeeded);

        await SwitchOffAsync(EntService.Documents);

        var refused = await files.ReadAsync(teacher, fileId);
        Assert.Equal(ResultKind.Forbidden, refused.Kind);
        Assert.Equal([Off], refused.Errors);
        Assert.Null(await files.OpenAsync(teacher, fileId));
    }

    [Fact]
    public async Task InEnglish_TheRefusalIsInEnglish()
    {
        await SwitchOffAsync(EntService.Memos);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            var result = await _database
                .Get<MemoService>()
                .MoveAsync(TwoSchools.As(_f.StaffA, _f.A), 1, MemoFolder.Archive);
            Assert.Equal(["This service is not open in this school."], result.Errors);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>Switches a service off in school A as the académie's page does, telling the gate.</summary>
    private async Task SwitchOffAsync(EntService service)
    {
        await using (var db = _database.NewContext())
            await db.SwitchAsync(_f.A.Id, service, on: false);
        await _database.Get<IEventBus>().PublishAsync(new SchoolServicesChanged(_f.A.Id));
        await _database.DeliveredAsync();
    }

    private static async Task<int> StudentOfAsync(TestDatabase database, CurrentUser user)
    {
        await using var db = database.NewContext();
        return await db
            .Memberships.Where(m => m.SchoolId == user.SchoolId && (m.Profiles & Profile.Student) != 0)
            .Select(m => m.PersonId)
            .FirstAsync();
    }
}
