using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed class LayoutServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private LayoutService Layouts => _database.Get<LayoutService>();
    private CurrentUser Teacher => TwoSchools.As(_f.TeacherA, _f.A);
    private CurrentUser Student => TwoSchools.As(_f.StudentA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task SetDefaultAsync(int? schoolId, Profile profile, params DefaultPlacement[] placements)
    {
        await using var db = _database.NewContext();
        db.DefaultLayouts.Add(new DefaultLayout { SchoolId = schoolId, Profile = profile, Placements = [.. placements] });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task FirstVisit_StartsFromTheBuiltInDefault_OfWidgetsTheProfileMayUse()
    {
        var tabs = await Layouts.GetAsync(Student);
        var tab = Assert.Single(tabs);
        Assert.Equal("Accueil", tab.Title);
        Assert.Equal(["network", "news"], tab.Placements.Select(p => p.WidgetKey).Order());
        Assert.Equal(["network", "news", "teachers-only"], (await Layouts.GetAsync(Teacher))[0].Placements.Select(p => p.WidgetKey).Order());
    }

    [Fact]
    public async Task SchoolDefault_WinsOverAcademyDefault_WhichWinsOverBuiltIn()
    {
        await SetDefaultAsync(null, Profile.Student, new DefaultPlacement { WidgetKey = "network", Width = 6, Height = 2 });
        Assert.Equal(["network"], (await Layouts.GetAsync(Student))[0].Placements.Select(p => p.WidgetKey));

        await SetDefaultAsync(_f.A.Id, Profile.Teacher, new DefaultPlacement { WidgetKey = "news", Width = 6, Height = 2, Mandatory = true });
        var teacherTab = (await Layouts.GetAsync(Teacher))[0];
        Assert.Equal(["news"], teacherTab.Placements.Select(p => p.WidgetKey));
        Assert.True(teacherTab.Placements[0].Mandatory);
    }

    [Fact]
    public async Task Layout_IsStoredAndReadBack_AsMoved()
    {
        var tab = (await Layouts.GetAsync(Student))[0];
        var news = tab.Placements.Single(p => p.WidgetKey == "news");
        var moved = await Layouts.MoveAsync(Student, news.Id, 6, 0);
        Assert.True(moved.Succeeded, string.Join(" ", moved.Errors));
        var again = (await Layouts.GetAsync(Student))[0].Placements.Single(p => p.Id == news.Id);
        Assert.Equal((6, 0), (again.X, again.Y));
    }

    [Fact]
    public async Task AddWidget_RefusesOneTheProfileMayNotUse_OrWhoseServiceIsOff()
    {
        var tab = (await Layouts.GetAsync(Student))[0];
        Assert.Equal(ResultKind.Forbidden, (await Layouts.AddWidgetAsync(Student, tab.Id, "teachers-only")).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Layouts.AddWidgetAsync(Student, tab.Id, "no-such-widget")).Kind);

        var teacherTab = (await Layouts.GetAsync(Teacher))[0];
        await SwitchOffAsync(EntService.Logbook);
        Assert.Equal(ResultKind.Forbidden, (await Layouts.AddWidgetAsync(Teacher, teacherTab.Id, "teachers-only")).Kind);
        Assert.DoesNotContain("teachers-only", (await Layouts.GetAsync(Teacher))[0].Placements.Select(p => p.WidgetKey));
    }

    [Fact]
    public async Task SwitchedOffService_HidesItsWidgets_AndSwitchingBackRestoresThem()
    {
        await Layouts.GetAsync(Teacher);
        await SwitchOffAsync(EntService.Logbook);
        Assert.DoesNotContain("teachers-only", (await Layouts.GetAsync(Teacher))[0].Placements.Select(p => p.WidgetKey));
        await SwitchOffAsync();
        Assert.Contains("teachers-only", (await Layouts.GetAsync(Teacher))[0].Placements.Select(p => p.WidgetKey));
    }

    [Fact]
    public async Task DashboardSwitchedOff_RefusesEveryChange()
    {
        var tab = (await Layouts.GetAsync(Student))[0];
        await SwitchOffAsync(EntService.Dashboard);
        Assert.Empty(await Layouts.GetAsync(Student));
        Assert.Equal(ResultKind.Forbidden, (await Layouts.MoveAsync(Student, tab.Placements[0].Id, 0, 3)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Layouts.AddTabAsync(Student, "Autre")).Kind);
    }

    [Fact]
    public async Task MandatoryWidget_CannotBeRemoved_LockedOneCannotMoveOrResize()
    {
        await SetDefaultAsync(_f.A.Id, Profile.Student,
            new DefaultPlacement { WidgetKey = "news", X = 0, Y = 0, Width = 6, Height = 2, Mandatory = true },
            new DefaultPlacement { WidgetKey = "network", X = 6, Y = 0, Width = 6, Height = 2, Locked = true });
        var tab = (await Layouts.GetAsync(Student))[0];
        var mandatory = tab.Placements.Single(p => p.WidgetKey == "news");
        var locked = tab.Placements.Single(p => p.WidgetKey == "network");

        Assert.Equal(ResultKind.Forbidden, (await Layouts.RemoveAsync(Student, mandatory.Id)).Kind);
        Assert.True((await Layouts.MoveAsync(Student, mandatory.Id, 0, 3)).Succeeded); // mandatory may move
        Assert.Equal(ResultKind.Forbidden, (await Layouts.MoveAsync(Student, locked.Id, 0, 0)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Layouts.ResizeAsync(Student, locked.Id, 12, 4)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Layouts.RemoveAsync(Student, locked.Id)).Kind);
        Assert.Equal(ResultKind.Conflict, (await Layouts.MoveAsync(Student, mandatory.Id, 6, 0)).Kind); // onto the locked one
        var stored = (await Layouts.GetAsync(Student))[0].Placements.Single(p => p.Id == locked.Id);
        Assert.Equal((6, 0, 6, 2), (stored.X, stored.Y, stored.Width, stored.Height));
        await Layouts.AddTabAsync(Student, "Autre");
        Assert.Equal(ResultKind.Forbidden, (await Layouts.DeleteTabAsync(Student, tab.Id)).Kind);
    }

    [Fact]
    public async Task AnotherPersonsWidget_IsOutOfReach()
    {
        var studentTab = (await Layouts.GetAsync(Student))[0];
        await Layouts.GetAsync(Teacher);
        var placement = studentTab.Placements[0];
        Assert.Equal(ResultKind.NotFound, (await Layouts.MoveAsync(Teacher, placement.Id, 0, 5)).Kind);
        Assert.Equal(ResultKind.NotFound, (await Layouts.RemoveAsync(Teacher, placement.Id)).Kind);
        Assert.Equal(ResultKind.NotFound, (await Layouts.AddWidgetAsync(Teacher, studentTab.Id, "news")).Kind);
        Assert.Equal(ResultKind.NotFound, (await Layouts.RenameTabAsync(Teacher, studentTab.Id, "Piraté")).Kind);
    }

    [Fact]
    public async Task Resize_KeepsToTheWidgetsMinimum()
    {
        var tab = (await Layouts.GetAsync(Student))[0];
        var news = tab.Placements.Single(p => p.WidgetKey == "news");
        var resized = (await Layouts.ResizeAsync(Student, news.Id, 1, 1)).Value!.Placements.Single(p => p.Id == news.Id);
        Assert.Equal((3, 2), (resized.Width, resized.Height));
        resized = (await Layouts.ResizeAsync(Student, news.Id, 40, 40)).Value!.Placements.Single(p => p.Id == news.Id);
        Assert.Equal((12, GridLayout.MaxHeight), (resized.Width, resized.Height));
    }

    [Fact]
    public async Task Settings_AreValidatedByTheWidgetsRules()
    {
        var news = (await Layouts.GetAsync(Student))[0].Placements.Single(p => p.WidgetKey == "news");
        var refused = await Layouts.SaveSettingsAsync(Student, news.Id, "{\"x\":\"invalide\"}");
        Assert.Equal(["Réglage invalide."], refused.Errors);
        Assert.True((await Layouts.SaveSettingsAsync(Student, news.Id, "{\"count\":5}")).Succeeded);
        Assert.Equal("{\"count\":5}", (await Layouts.GetAsync(Student))[0].Placements.Single(p => p.Id == news.Id).SettingsJson);
    }

    [Fact]
    public async Task Tabs_CanBeAddedRenamedReorderedAndDeleted()
    {
        await Layouts.GetAsync(Student);
        var second = (await Layouts.AddTabAsync(Student, "Mes ressources")).Value!;
        Assert.Equal(ResultKind.Invalid, (await Layouts.AddTabAsync(Student, "  ")).Kind);
        Assert.True((await Layouts.RenameTabAsync(Student, second.Id, "Ressources")).Succeeded);
        var reordered = (await Layouts.MoveTabAsync(Student, second.Id, -1)).Value!;
        Assert.Equal(["Ressources", "Accueil"], reordered.Select(t => t.Title));
        Assert.True((await Layouts.DeleteTabAsync(Student, second.Id)).Succeeded);
        var last = Assert.Single(await Layouts.GetAsync(Student));
        Assert.Equal(ResultKind.Invalid, (await Layouts.DeleteTabAsync(Student, last.Id)).Kind);
    }

    [Fact]
    public async Task Reset_BringsBackTheDefault()
    {
        var tab = (await Layouts.GetAsync(Student))[0];
        await Layouts.RemoveAsync(Student, tab.Placements[0].Id);
        await Layouts.AddTabAsync(Student, "En plus");
        var reset = await Layouts.ResetAsync(Student);
        Assert.Equal(["network", "news"], Assert.Single(reset).Placements.Select(p => p.WidgetKey).Order());
        Assert.Single(await Layouts.GetAsync(Student));
    }

    [Fact]
    public async Task TwoBrowserTabsEditingAtOnce_NeverCorruptTheLayout()
    {
        var tab = (await Layouts.GetAsync(Student))[0];
        var ids = tab.Placements.Select(p => p.Id).ToArray();
        var random = new Random(3);
        var moves = Enumerable.Range(0, 40).Select(i => (Id: ids[i % ids.Length], X: random.Next(12), Y: random.Next(6))).ToList();
        var results = await Task.WhenAll(moves.Select(m => Task.Run(() => Layouts.MoveAsync(Student, m.Id, m.X, m.Y))));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors)));
        var stored = (await Layouts.GetAsync(Student))[0].Placements;
        Assert.Equal(ids.Order(), stored.Select(p => p.Id).Order());
        foreach (var a in stored)
            foreach (var b in stored.Where(b => b.Id != a.Id))
                Assert.False(a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height);
    }

    [Fact]
    public async Task TwoFirstVisitsAtOnce_CreateOneDashboard()
    {
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Layouts.GetAsync(Student))));
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.DashboardTabs.CountAsync(t => t.PersonId == _f.StudentA.Id));
    }

    [Fact]
    public async Task DefaultThatLocksAWidgetOverAPersonsWidgets_PutsThemInTheTray_AndOneClickPutsEachBack()
    {
        // Lucas's own page: news at the top left, the network beside it, with his own settings.
        var tab = (await Layouts.GetAsync(Student))[0];
        var news = tab.Placements.Single(p => p.WidgetKey == "news");
        var network = tab.Placements.Single(p => p.WidgetKey == "network");
        Assert.Equal((0, 0, 4, 0), (news.X, news.Y, network.X, network.Y));
        Assert.True((await Layouts.SaveSettingsAsync(Student, network.Id, "{\"mine\":true}")).Succeeded);

        // The school then locks the news across the top right, where the network stood.
        await SetDefaultAsync(_f.A.Id, Profile.Student, new DefaultPlacement { WidgetKey = "news", X = 4, Y = 0, Width = 8, Height = 2, Locked = true });
        tab = (await Layouts.GetAsync(Student))[0];
        var locked = Assert.Single(tab.Placements);
        Assert.Equal((news.Id, 4, 0, 8, 2, true), (locked.Id, locked.X, locked.Y, locked.Width, locked.Height, locked.Locked));
        var stowed = Assert.Single(tab.Stowed);
        Assert.Equal((network.Id, 4, 4, "{\"mine\":true}"), (stowed.Id, stowed.Width, stowed.Height, stowed.SettingsJson));
        var version = await TabVersionAsync(tab.Id);
        Assert.Single((await Layouts.GetAsync(Student))[0].Stowed); // nothing is rewritten on the next visit
        Assert.Equal(version, await TabVersionAsync(tab.Id));

        // In the tray it can be neither moved nor resized; it goes back in one click, to the first free place.
        Assert.Equal(ResultKind.Invalid, (await Layouts.MoveAsync(Student, network.Id, 0, 0)).Kind);
        Assert.Equal(ResultKind.Invalid, (await Layouts.ResizeAsync(Student, network.Id, 6, 4)).Kind);
        Assert.Equal(ResultKind.NotFound, (await Layouts.RestoreAsync(Teacher, network.Id)).Kind);
        var restored = await Layouts.RestoreAsync(Student, network.Id);
        Assert.True(restored.Succeeded, string.Join(" ", restored.Errors));
        Assert.Empty(restored.Value!.Stowed);
        var back = restored.Value.Placements.Single(p => p.Id == network.Id);
        Assert.Equal((0, 0, 4, 4, "{\"mine\":true}"), (back.X, back.Y, back.Width, back.Height, back.SettingsJson));
        Assert.Equal(ResultKind.Invalid, (await Layouts.RestoreAsync(Student, network.Id)).Kind);
        var final = (await Layouts.GetAsync(Student))[0];
        Assert.Equal((4, 0), final.Placements.Single(p => p.Id == news.Id) is var n ? (n.X, n.Y) : default);
        Assert.Empty(final.Stowed);
    }

    [Fact]
    public async Task AWidgetInTheTray_CanAlsoBeRemoved()
    {
        var network = (await Layouts.GetAsync(Student))[0].Placements.Single(p => p.WidgetKey == "network");
        await SetDefaultAsync(_f.A.Id, Profile.Student, new DefaultPlacement { WidgetKey = "news", X = 0, Y = 0, Width = 12, Height = 2, Locked = true });
        Assert.Equal([network.Id], (await Layouts.GetAsync(Student))[0].Stowed.Select(p => p.Id));
        var removed = await Layouts.RemoveAsync(Student, network.Id);
        Assert.True(removed.Succeeded);
        Assert.Empty(removed.Value!.Stowed);
        Assert.Equal(["news"], removed.Value.Placements.Select(p => p.WidgetKey));
    }

    [Fact]
    public async Task MandatoryWidgetImposedLater_TakesTheFirstFreePlace_AndDisplacesNobody()
    {
        var tab = (await Layouts.GetAsync(Teacher))[0];
        var mine = tab.Placements.Where(p => p.WidgetKey != "news").ToDictionary(p => p.Id, p => (p.X, p.Y));
        await Layouts.RemoveAsync(Teacher, tab.Placements.Single(p => p.WidgetKey == "news").Id);
        await SetDefaultAsync(_f.A.Id, Profile.Teacher, new DefaultPlacement { WidgetKey = "news", X = 0, Y = 0, Width = 4, Height = 3, Mandatory = true });
        tab = (await Layouts.GetAsync(Teacher))[0];
        Assert.Empty(tab.Stowed);
        var news = tab.Placements.Single(p => p.WidgetKey == "news");
        Assert.True(news.Mandatory && !news.Locked);
        Assert.Equal(mine, tab.Placements.Where(p => p.WidgetKey != "news").ToDictionary(p => p.Id, p => (p.X, p.Y)));
        AssertNoOverlap(tab.Placements);
    }

    [Fact]
    public async Task WidgetsOfAServiceSwitchedOff_LeaveNoHole_AndComeBackWithoutOverlap()
    {
        await using (var db = _database.NewContext())
        {
            db.DashboardTabs.Add(new DashboardTab
            {
                PersonId = _f.TeacherA.Id, SchoolId = _f.A.Id, Title = "Accueil",
                Placements =
                [
                    new() { WidgetKey = "teachers-only", X = 0, Y = 0, Width = 12, Height = 2 },
                    new() { WidgetKey = "news", X = 0, Y = 2, Width = 4, Height = 3 },
                    new() { WidgetKey = "network", X = 4, Y = 2, Width = 4, Height = 4 },
                ],
            });
            await db.SaveChangesAsync();
        }
        await SwitchOffAsync(EntService.Logbook);
        var tab = (await Layouts.GetAsync(Teacher))[0];
        Assert.Equal([("network", 4, 0), ("news", 0, 0)], tab.Placements.Select(p => (p.WidgetKey, p.X, p.Y)).OrderBy(p => p.WidgetKey));
        var news = tab.Placements.Single(p => p.WidgetKey == "news");
        var resized = (await Layouts.ResizeAsync(Teacher, news.Id, 4, 2)).Value!; // the hidden widget takes no room either
        Assert.Equal((0, 0), resized.Placements.Single(p => p.Id == news.Id) is var n ? (n.X, n.Y) : default);

        await SwitchOffAsync();
        tab = (await Layouts.GetAsync(Teacher))[0];
        Assert.Equal(3, tab.Placements.Count);
        AssertNoOverlap(tab.Placements);
    }

    [Fact]
    public async Task MessagesAndTheFirstTabsTitle_AreInTheReadersLanguage()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            await SetDefaultAsync(_f.A.Id, Profile.Student, new DefaultPlacement { WidgetKey = "news", Width = 6, Height = 2, Locked = true });
            var tab = Assert.Single(await Layouts.GetAsync(Student));
            Assert.Equal("Home", tab.Title);
            var news = tab.Placements.Single();
            Assert.Equal(["Your school requires this widget: it cannot be removed."], (await Layouts.RemoveAsync(Student, news.Id)).Errors);
            Assert.Equal(["Your school has locked this widget: it cannot be moved."], (await Layouts.MoveAsync(Student, news.Id, 6, 0)).Errors);
            Assert.Equal(["Give the tab a name."], (await Layouts.AddTabAsync(Student, " ")).Errors);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static void AssertNoOverlap(IReadOnlyList<PlacementView> placements)
    {
        foreach (var a in placements)
            foreach (var b in placements.Where(b => b.Id != a.Id))
                Assert.False(a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height, $"{a} overlaps {b}");
    }

    private async Task<int> TabVersionAsync(int tabId)
    {
        await using var db = _database.NewContext();
        return await db.DashboardTabs.Where(t => t.Id == tabId).Select(t => t.Version).SingleAsync();
    }

    private async Task SwitchOffAsync(params EntService[] off)
    {
        await using var db = _database.NewContext();
        await db.RunAllButAsync(_f.A.Id, off);
    }
}
