using Bunit;
using Enoe.Data.Bookings;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Bookings;
using Enoe.Widgets.Logbook;
using Enoe.Widgets.Memos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>A handler fired twenty times at once (a burst of clicks reaching the circuit) creates one thing.</summary>
public sealed class BurstOfClicksTests : SchoolComponentTest
{
    private readonly HeldSaves _saves = new();
    private int _room;

    protected override void ConfigureData(IServiceCollection services) => services.AddSingleton<IInterceptor>(_saves);

    protected override async Task ArrangeAsync()
    {
        await using var db = Database.NewContext();
        var maths = new Subject
        {
            SchoolId = F.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        db.TeachingAssignments.Add(
            new TeachingAssignment
            {
                TeacherId = F.TeacherA.Id,
                SchoolClassId = F.ClassA.Id,
                Subject = maths,
            }
        );
        var room = new BookableResource
        {
            SchoolId = F.A.Id,
            Category = new ResourceCategory { SchoolId = F.A.Id, Name = "Salles" },
            Name = "Salle informatique",
        };
        db.Add(room);
        await db.SaveChangesAsync();
        _room = room.Id;
        JSInterop.SetupConfirmDialog();
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
    }

    [Fact]
    public async Task SendingAMemo_TwentyTimesAtOnce_SendsOneMemo()
    {
        var composer = Render<MemoComposer>();
        composer.Find("#memo-subject").Change("Sortie au musée");
        composer.Find("#memo-body").Change("Départ à 8 h.");
        composer.Find("#memo-to").Input("6eA");
        composer.WaitForAssertion(() => Assert.Contains("Élèves de 6eA", composer.Markup));
        composer.FindAll("button").Single(b => b.TextContent == "Élèves de 6eA").Click();

        await composer.FindAll("button").Single(b => b.TextContent == "Envoyer").ClickManyTimesAsync(_saves);

        composer.WaitForAssertion(() => Assert.Contains("Mémo envoyé à Élèves de 6eA.", composer.Markup));
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.Memos.CountAsync());
    }

    [Fact]
    public async Task Booking_TwentyTimesAtOnce_BooksOnce()
    {
        var page = Render<BookingsPage>();
        page.WaitForAssertion(() => Assert.Equal("false", page.Find(".enoe-bookings").GetAttribute("aria-busy")));
        page.Find("#bk-resource").Change(_room.ToString());
        page.Find("#bk-date").Change("2026-11-23");
        page.Find("#bk-slot").Change("M3");
        page.Find("#bk-reason").Change("Programmation");

        await page.Find("#bk-submit").ClickManyTimesAsync(_saves);

        page.WaitForAssertion(() => Assert.Contains("Réservation confirmée", page.Markup));
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.Bookings.CountAsync());
    }

    [Fact]
    public async Task SavingALogbookEntry_TwentyTimesAtOnce_WritesOneEntry()
    {
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#lb-content")));
        page.Find("#lb-content").Change("Théorème de Pythagore");

        await page.FindAll("button").Single(b => b.TextContent == "Enregistrer la séance").ClickManyTimesAsync(_saves);

        page.WaitForAssertion(() => Assert.Contains("Théorème de Pythagore", page.Markup));
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.LogbookEntries.CountAsync(e => e.Content == "Théorème de Pythagore"));
    }
}
