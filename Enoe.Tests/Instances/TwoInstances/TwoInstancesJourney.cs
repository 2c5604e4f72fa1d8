using Enoe.Data;
using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.EndToEnd;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.Instances.TwoInstances;

/// <summary>
/// Two instances behind nginx, as an académie runs them: what one instance does, people whose pages the other serves
/// see live; a sign-in on one holds on the other; a switch is everywhere within a second; a booking race over both
/// has one winner; the daily job runs once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoInstancesJourney(BrowserFixture browser, TwoInstancesFixture deployment)
    : IClassFixture<TwoInstancesFixture>
{
    [Fact]
    public async Task AMemoSentThroughA_ArrivesLive_OnAStudentsDashboardServedByB()
    {
        var student = await OpenAsync(deployment.B, "lucas.martin", "/tableau-de-bord");
        var teacher = await OpenAsync(deployment.A, "claire.fontaine", "/memos/nouveau");
        await teacher.GetByLabel("Destinataires").FillAsync("4eA");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Élèves de 4eA" }).ClickAsync();
        await teacher.GetByLabel("Objet").FillAsync("Deux instances, un mémo");
        await teacher.GetByLabel("Message").FillAsync("Envoyé par A, lu sur B.");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await teacher.WaitForURLAsync("**/memos/*");

        await Expect(student.Locator("[data-widget=memos]"))
            .ToContainTextAsync("Deux instances, un mémo", new() { Timeout = 5000 });
    }

    [Fact]
    public async Task ACarnetEditOnB_AppearsLive_OnAStudentsDashboardServedByA()
    {
        var maths = await ClaireIn4eA.FindAsync(deployment.A.Services);
        var student = await StudentOfAsync(maths.ClassId);
        var saved = await deployment
            .B.Services.GetRequiredService<LogbookService>()
            .SaveAsync(
                maths.Teacher,
                new LogbookDraft
                {
                    SchoolClassId = maths.ClassId,
                    SubjectId = maths.SubjectId,
                    SessionDate = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow)),
                    StartsAt = new(0, 15),
                    EndsAt = new(0, 45),
                    Content = "Séance écrite sur B",
                }
            );
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var studentPage = await OpenAsync(deployment.A, student, "/tableau-de-bord");
        var widget = studentPage.Locator("[data-widget=my-logbook]");
        await Expect(widget).ToContainTextAsync("Séance écrite sur B");

        var teacher = await OpenAsync(deployment.B, "claire.fontaine", "/tableau-de-bord");
        var session = teacher.Locator($"[data-entry='{saved.Value!.Id}']");
        await session
            .GetByRole(AriaRole.Button, new() { Name = "Contenu de la séance de 4eA (modifier)" })
            .ClickAsync();
        var editor = session.GetByRole(AriaRole.Textbox, new() { Name = "Contenu de la séance de 4eA" });
        await editor.FillAsync("Séance modifiée sur B, vue sur A");
        await editor.PressAsync("Control+Enter");

        await Expect(widget).ToContainTextAsync("Séance modifiée sur B, vue sur A", new() { Timeout = 5000 });
    }

    [Fact]
    public async Task ASignInThroughA_IsAcceptedByB()
    {
        var page = await OpenAsync(deployment.A, "lucas.martin", "/tableau-de-bord");

        await page.Context.AddCookiesAsync([Affinity(deployment.B)]);
        var response = await page.GotoAsync("/tableau-de-bord");

        Assert.Equal(UpstreamPort(deployment.B), await UpstreamPortAsync(response!));
        await page.WaitForCircuitAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tableau-de-bord$"));
        await Expect(page.Locator("[data-widget=memos]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AServiceSwitchedOffThroughA_IsRefusedByB_WithinASecond()
    {
        var (admin, school) = await AcademyAdminAndHugoAsync();
        var accessOnB = deployment.B.Services.GetRequiredService<ServiceAccess>();
        var service = EntService.UsefulLinks;
        Assert.NotEqual(ServiceState.Off, await accessOnB.StateAsync(school, service));
        try
        {
            var switched = await deployment
                .A.Services.GetRequiredService<SchoolServiceSwitches>()
                .SetAsync(admin, school, service, on: false);
            Assert.True(switched.Succeeded);
            var deadline = DateTime.UtcNow.AddSeconds(1);
            while (await accessOnB.StateAsync(school, service) != ServiceState.Off && DateTime.UtcNow < deadline)
                await Task.Delay(20);

            Assert.Equal(ServiceState.Off, await accessOnB.StateAsync(school, service));
        }
        finally
        {
            await deployment
                .A.Services.GetRequiredService<SchoolServiceSwitches>()
                .SetAsync(admin, school, service, on: true);
        }
    }

    [Fact]
    public async Task TwoHundredConcurrentBookingsOverBothInstances_ExactlyOneWins()
    {
        var maths = await ClaireIn4eA.FindAsync(deployment.A.Services);
        await using var db = await deployment
            .A.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();
        var room = await db.Set<BookableResource>()
            .Where(r => r.SchoolId == maths.SchoolId && r.Name.StartsWith("Salle informatique"))
            .Select(r => r.Id)
            .FirstAsync();
        var holidays = await db.Set<HolidayPeriod>()
            .Where(h => h.SchoolId == null || h.SchoolId == maths.SchoolId)
            .ToListAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        while (
            day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Any(h => h.From <= day && day <= h.To)
        )
            day = day.AddDays(1);
        var request = new BookingRequest(room, day, new(7, 30), new(7, 55), 1, "Course entre deux instances");
        BookingService[] bookings =
        [
            deployment.A.Services.GetRequiredService<BookingService>(),
            deployment.B.Services.GetRequiredService<BookingService>(),
        ];

        var results = await Race.AtOnceAsync(200, i => bookings[i % 2].BookAsync(maths.Teacher, request));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(1, await db.Set<Booking>().CountAsync(b => b.ResourceId == room && b.Reason == request.Reason));
    }

    [Fact]
    public async Task TheDailyFileSweep_StartedByBothInstances_RanOnce()
    {
        const string Sweep = "Job file-sweep:";
        await Task.WhenAll(deployment.A.JobLog.LoggedAsync(Sweep), deployment.B.JobLog.LoggedAsync(Sweep));

        var outcomes = deployment
            .A.JobLog.Messages.Concat(deployment.B.JobLog.Messages)
            .Where(m => m.StartsWith(Sweep, StringComparison.Ordinal))
            .Select(m => m.Split(' ')[2])
            .Order()
            .ToList();
        Assert.Equal(["Completed", "Skipped"], outcomes);
    }

    /// <summary>Signed in through the proxy, every request of the page sent to <paramref name="instance"/>.</summary>
    private Task<IPage> OpenAsync(InstanceAppFactory instance, string userName, string path) =>
        browser.OpenAsync(
            userName,
            path,
            deployment.ProxyAddress,
            async page =>
            {
                await page.Context.AddCookiesAsync([Affinity(instance)]);
                var response = await page.GotoAsync("/connexion");
                Assert.Equal(UpstreamPort(instance), await UpstreamPortAsync(response!));
            }
        );

    private Cookie Affinity(InstanceAppFactory instance) =>
        new()
        {
            Name = "enoe_instance",
            Value = deployment.AffinityFor(instance),
            Url = deployment.ProxyAddress,
        };

    private static int UpstreamPort(InstanceAppFactory instance) => new Uri(instance.Address).Port;

    private static async Task<int> UpstreamPortAsync(IResponse response) =>
        new Uri("http://" + await response.HeaderValueAsync(NginxProxy.UpstreamHeader)).Port;

    private async Task<string> StudentOfAsync(int classId)
    {
        await using var db = await deployment
            .A.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();
        return await db
            .Enrolments.Where(e => e.SchoolClassId == classId)
            .OrderBy(e => e.StudentId)
            .Skip(2)
            .Select(e => e.Student!.UserName!)
            .FirstAsync();
    }

    private async Task<(CurrentUser Admin, int School)> AcademyAdminAndHugoAsync()
    {
        await using var db = await deployment
            .A.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();
        var admin = await db.Users.Where(u => u.UserName == "admin.academie").Select(u => u.Id).SingleAsync();
        var school = await db.Schools.Where(s => s.Slug == "college-victor-hugo").Select(s => s.Id).SingleAsync();
        return (new CurrentUser(admin, "admin", null, Profile.AcademyAdmin), school);
    }
}
