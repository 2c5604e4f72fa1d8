using Bunit;
using Enoe.App.Components.Academy;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

/// <summary>
/// The académie's page says what a switch changes before doing it, does it on "Appliquer", and keeps it.
/// </summary>
public sealed class ServiceSwitchChangesPageTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        JSInterop.SetupConfirmDialog();
        await using (var db = Database.NewContext())
            await db
                .Users.Where(p => p.Id == F.StaffB.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsAcademyAdmin, true));
        this.SignInAs(F.StaffB, F.B.Id, Profile.Staff);
    }

    private ServiceState StateOf(School school, EntService service) =>
        // Off the renderer's thread: the cache's read continues on the thread pool, never on the blocked renderer.
        Task.Run(async () => await Database.Get<ServiceAccess>().StateAsync(school.Id, service))
            .GetAwaiter()
            .GetResult();

    [Fact]
    public void ClosingOneService_AsksFirst_SayingWhereAndForWhom_ThenIsDoneAndKept()
    {
        var page = Render<ServiceSwitchesPage>();
        var cell = page.WaitForElement("select[aria-label='Mémos – Collège college-a']");

        cell.Change("Off");

        page.WaitForAssertion(() =>
            Assert.Equal(
                "Fermer Mémos dans 1 établissement(s) (Collège college-a) ? Ses pages et widgets se ferment aussitôt "
                    + "pour 5 compte(s), pages déjà ouvertes comprises ; rien de ce qui a été écrit n'est effacé.",
                page.Find(".enoe-dialog-text").TextContent
            )
        );
        Assert.Equal(ServiceState.On, StateOf(F.A, EntService.Memos)); // nothing yet
        page.FindAll(".enoe-dialog-actions button").Single(b => b.TextContent.Trim() == "Appliquer").Click();

        page.WaitForAssertion(() => Assert.Equal(ServiceState.Off, StateOf(F.A, EntService.Memos)));
        page.WaitForAssertion(() => Assert.Contains("Mémos : 1 établissement(s) changé(s).", page.Markup));
        var history = page.Find("section[aria-labelledby=history-heading] tbody tr").TextContent;
        Assert.Contains("Collège college-a", history);
        Assert.Contains("Ouvert → Fermé", history);
        Assert.Contains("StaffB Test", history);
    }

    [Fact]
    public void Cancelling_ChangesNothing()
    {
        var page = Render<ServiceSwitchesPage>();
        page.WaitForElement("select[aria-label='Mémos – Collège college-a']").Change("Off");
        page.WaitForElement(".enoe-dialog-text");

        page.FindAll(".enoe-dialog-actions button").Single(b => b.TextContent.Trim() == "Annuler").Click();

        page.WaitForAssertion(() => Assert.Contains("Aucun changement enregistré.", page.Markup));
        Assert.Equal(ServiceState.On, StateOf(F.A, EntService.Memos));
    }

    [Fact]
    public void ABulkChange_ForEveryCollege_KeepsTheServiceInsideTheSchools()
    {
        var page = Render<ServiceSwitchesPage>();
        page.WaitForElement("#bulk-service").Change("bookings");
        page.Find("#bulk-state").Change("InsideOnly");
        page.Find("#bulk-scope").Change("College");
        page.FindAll("button").Single(b => b.TextContent == "Appliquer…").Click();

        page.WaitForAssertion(() => Assert.Contains("2 établissement(s)", page.Find(".enoe-dialog-text").TextContent));
        page.FindAll(".enoe-dialog-actions button").Single(b => b.TextContent.Trim() == "Appliquer").Click();

        page.WaitForAssertion(() => Assert.Equal(ServiceState.InsideOnly, StateOf(F.B, EntService.Bookings)));
        Assert.Equal(ServiceState.InsideOnly, StateOf(F.A, EntService.Bookings));
    }

    [Fact]
    public void InEnglish_TheQuestionIsEnglish()
    {
        using var _ = new InEnglish();
        var page = Render<ServiceSwitchesPage>();
        page.WaitForElement("select[aria-label='Memos – Collège college-a']").Change("InsideOnly");

        page.WaitForAssertion(() =>
            Assert.StartsWith(
                "Open Memos in 1 school(s) (Collège college-a) from their own networks only?",
                page.Find(".enoe-dialog-text").TextContent
            )
        );
    }
}
