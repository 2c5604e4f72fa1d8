using Bunit;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Tests.Support;
using Enoe.Widgets.SchoolLife;

namespace Enoe.Tests.Components;

/// <summary>
/// The vie scolaire's desk: a roll call falling due as time passes, one begun and not finished, the student searched
/// for a phone report, a report deleted.
/// </summary>
public sealed class SchoolLifePageTests : SchoolComponentTest
{
    private TimetableFixture _t = default!;

    protected override async Task ArrangeAsync()
    {
        _t = await TimetableFixture.CreateAsync(Database, F);
        JSInterop.SetupConfirmDialog();
        // Monday 23 November 2026, 07:59:30 in Paris: maths (6eA) begins at 08:00.
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 6, 59, 30, TimeSpan.Zero));
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
    }

    [Fact]
    public void ALessonBeginning_PutsItsRollCallOnTheList_WithoutAnEvent()
    {
        var page = Render<SchoolLifePage>();
        page.WaitForAssertion(() => Assert.Contains("Tous les appels des cours commencés sont faits", page.Markup));
        Assert.DoesNotContain("MATHS", page.Find("section").TextContent);

        Database.Clock.Advance(TimeSpan.FromSeconds(31));

        page.WaitForAssertion(() => Assert.Contains("08:00 · 6eA · MATHS", page.Find("section").TextContent));
        Assert.Empty(page.FindAll("[data-begun]"));
    }

    [Fact]
    public async Task ARollCallBegun_IsShownAsBegunNotFinished()
    {
        Database.Clock.Advance(TimeSpan.FromMinutes(5));
        var marked = await Database
            .Get<RollCallService>()
            .MarkAsync(
                TwoSchools.As(F.TeacherA, F.A),
                _t.Maths.Id,
                new DateOnly(2026, 11, 23),
                F.StudentA.Id,
                Presence.Absent
            );
        Assert.True(marked.Succeeded, string.Join(" ", marked.Errors));

        var page = Render<SchoolLifePage>();

        page.WaitForAssertion(() => Assert.Equal("· commencé, non terminé", page.Find("[data-begun]").TextContent));
    }

    [Fact]
    public void TheStudentIsSearched_Reported_ThenDeletedAsAnError()
    {
        var page = Render<SchoolLifePage>();
        page.WaitForAssertion(() => page.Find("#report-student"));

        page.Find("#report-student").Input("6ea test stu");
        page.WaitForAssertion(() => page.Find($"[data-student='{F.StudentA.Id}']"));
        Assert.Single(page.FindAll("[data-student]"));
        page.Find($"[data-student='{F.StudentA.Id}']").Click();
        page.Find("#report-note").Change("Appel du père");
        page.FindAll("button").Single(b => b.TextContent == "Enregistrer l'absence").Click();

        // The whole day: Monday morning is maths only, the afternoon (no lesson) the usual hours.
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-delete]").Count));
        Assert.Equal(
            ["08:00–08:55", "13:30–17:30"],
            page.FindAll("tr[data-absence]").Select(r => r.QuerySelector("td")!.TextContent)
        );
        page.Find("[data-delete]").Click();
        page.WaitForAssertion(() =>
            Assert.Contains(
                "Supprimer l'absence signalée de TEST StudentA (08:00–08:55)",
                page.Find("dialog").TextContent
            )
        );
        page.Find("dialog button.enoe-tool-danger").Click();

        page.WaitForAssertion(() => Assert.Contains("Absence signalée supprimée.", page.Markup));
        Assert.Contains("13:30–17:30", Assert.Single(page.FindAll("tr[data-absence]")).TextContent);
    }

    [Fact]
    public async Task AClosedDesk_NoLongerReadsAsTimePasses()
    {
        var page = Render<SchoolLifePage>();
        page.WaitForAssertion(() => Assert.Contains("Tous les appels des cours commencés sont faits", page.Markup));

        await DisposeComponentsAsync();
        var renders = page.RenderCount; // once closed: it may still have been ending its first load before
        Database.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(renders, page.RenderCount);
    }
}
