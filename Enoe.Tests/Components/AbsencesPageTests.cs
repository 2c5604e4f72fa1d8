using Bunit;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Tests.Support;
using Enoe.Widgets.SchoolLife;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// Absences justified from the family's page (a whole day in one form), a note recorded by the vie scolaire from the
/// same page, and the établissement's motives edited by the vie scolaire.
/// </summary>
public sealed class AbsencesPageTests : SchoolComponentTest
{
    private static readonly DateOnly Thursday = TimetableFixture.Monday.AddDays(3);
    private readonly CommandCounter _counter = new();

    protected override void ConfigureData(IServiceCollection services) => services.AddSingleton<IInterceptor>(_counter);

    protected override async Task ArrangeAsync()
    {
        var t = await TimetableFixture.CreateAsync(Database, F);
        await Database
            .Get<RollCallService>()
            .MarkAsync(
                TwoSchools.As(F.TeacherA, F.A),
                t.Maths.Id,
                TimetableFixture.Monday,
                F.StudentA.Id,
                Presence.Absent
            );
        var cpe = TwoSchools.As(F.StaffA, F.A);
        await Database
            .Get<AttendanceService>()
            .ReportAsync(cpe, new(F.StudentA.Id, Thursday, DayPart.WholeDay, null, null));
    }

    private IRenderedComponent<AbsencesPage> Open(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/absences" + query);
        return Render<AbsencesPage>();
    }

    private async Task<List<Absence>> StoredAsync()
    {
        await using var db = Database.NewContext();
        return await db.Set<Absence>()
            .Include(a => a.Motive)
            .OrderBy(a => a.Date)
            .ThenBy(a => a.StartsAt)
            .ToListAsync();
    }

    [Fact]
    public async Task AParent_JustifiesAWholeDay_TheDaysAbsencesAreTicked_OneMotiveOfTheList()
    {
        this.SignInAs(F.ParentA, F.A.Id, Profile.Parent);
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("li[data-absence]").Count));

        page.FindAll("li[data-absence] button")[0].Click(); // the newest first: Thursday's afternoon

        var boxes = page.FindAll("fieldset input[type=checkbox]");
        Assert.Equal([false, true, true], boxes.Select(b => b.HasAttribute("checked")));
        page.Find("#justify-reason").Change((await MotivesAsync()).First(m => m.Name == "Maladie").Id.ToString());
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Envoyer le justificatif").Click();

        page.WaitForAssertion(() => Assert.Contains("Justificatif envoyé", page.Markup));
        var stored = await StoredAsync();
        Assert.Equal(
            [
                (JustificationStatus.None, null),
                (JustificationStatus.Pending, "Maladie"),
                (JustificationStatus.Pending, "Maladie"),
            ],
            stored.Select(a => (a.Justification, a.Motive?.Name))
        );
    }

    [Fact]
    public async Task AnAbsenceRecordedWhileThePageIsOpen_IsReadAgain_TheMotivesAreNot()
    {
        this.SignInAs(F.ParentA, F.A.Id, Profile.Parent);
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("li[data-absence]").Count));
        _counter.Reset();

        await Database
            .Get<AttendanceService>()
            .ReportAsync(
                TwoSchools.As(F.StaffA, F.A),
                new(F.StudentA.Id, Thursday.AddDays(1), DayPart.Morning, null, null)
            );

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("li[data-absence]").Count));
        Assert.DoesNotContain("FROM \"AbsenceMotive\"", _counter.Log);
        page.FindAll("li[data-absence] button")[0].Click();
        Assert.Equal(8, page.FindAll("#justify-reason option").Count); // the list read first, and "—"
    }

    [Fact]
    public async Task TheVieScolaire_OpensAStudent_AndRecordsANoteHandedIn_AcceptedAtOnce()
    {
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
        var page = Open($"?eleve={F.StudentA.Id}");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("li[data-absence]").Count));

        page.FindAll("li[data-absence] button")[^1].Click(); // Monday's
        Assert.Contains("Justificatif remis à la vie scolaire", page.Markup);
        page.Find("#justify-reason").Change((await MotivesAsync())[1].Id.ToString());
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Enregistrer le justificatif").Click();

        page.WaitForAssertion(() => Assert.Contains("Justificatif enregistré et accepté.", page.Markup));
        Assert.Equal(JustificationStatus.Accepted, (await StoredAsync())[0].Justification);
    }

    [Fact]
    public async Task TheMotivesPage_AddsAMotive_AndRefusesADuplicateInFrench()
    {
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
        var page = Render<SchoolLifeMotivesPage>();
        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("tr[data-motive]").Count));

        page.Find("#motive-name").Change("Maladie");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Enregistrer").Click();
        page.WaitForAssertion(() => Assert.Contains("Un motif porte déjà ce nom.", page.Markup));
        page.Find("#motive-name").Change("Décès d'un proche");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Enregistrer").Click();

        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("tr[data-motive]").Count));
        Assert.Contains("Décès d'un proche", (await MotivesAsync()).Select(m => m.Name));
    }

    [Fact]
    public void TheMotivesPage_IsClosedToATeacher()
    {
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
        var closed = Render<SchoolLifeMotivesPage>();
        closed.WaitForAssertion(() => Assert.Contains("Réservé à la vie scolaire et à la direction.", closed.Markup));
        Assert.Empty(closed.FindAll("tr[data-motive]"));
    }

    private async Task<IReadOnlyList<MotiveView>> MotivesAsync() =>
        (await Database.Get<AttendanceService>().MotivesAsync(TwoSchools.As(F.StaffA, F.A))).Value!;
}
