using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class LayoutServiceTests : IAsyncLifetime
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
        db.DefaultLayouts.Add(
            new DefaultLayout
            {
                SchoolId = schoolId,
                Profile = profile,
                Placements = [.. placements],
            }
        );
        await db.SaveChangesAsync();
        await _database.Get<DefaultLayoutService>().ChangedAsync(schoolId); // as the service announces its own
    }

    [Fact]
    public async Task FirstVisit_StartsFromTheBuiltInDefault_OfWidgetsTheProfileMayUse()
    {
        var tabs = await Layouts.GetAsync(Student);
        var tab = Assert.Single(tabs);
        Assert.Equal("Accueil", tab.Title);
        Assert.Equal(["network", "news"], tab.Placements.Select(p => p.WidgetKey).Order());
        Assert.Equal(
            ["network", "news", "teachers-only"],
            (await Layouts.GetAsync(Teacher))[0].Placements.Select(p => p.WidgetKey).Order()
        );
    }

    [Fact]
    public async Task SchoolDefault_WinsOverAcademyDefault_WhichWinsOverBuiltIn()
    {
        await SetDefaultAsync(
            null,
            Profile.Student,
            new DefaultPlacement
            {
                WidgetKey = "network",
                Width = 6,
                Height = 2,
            }
        );
        Assert.Equal(["network"], (await Layouts.GetAsync(Student))[0].Placements.Select(p => p.WidgetKey));

        await SetDefaultAsync(
            _f.A.Id,
            Profile.Teacher,
            new DefaultPlacement
            {
                WidgetKey = "news",
                Width = 6,
                Height = 2,
                Mandatory = true,
            }
        );
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
        Assert.Equal(
            ResultKind.Forbidden,
            (await Layouts.AddWidgetAsync(Teacher, teacherTab.Id, "teachers-only")).Kind
        );
        Assert.DoesNotContain(
            "teachers-only",
            (await Layouts.GetAsync(Teacher))[0].Placements.Select(p => p.WidgetKey)
        );
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
        var resized = (await Layouts.ResizeAsync(Student, news.Id, 1, 1)).Value!.Placements.Single(p =>
            p.Id == news.Id
        );
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
        Assert.Equal(
            "{\"count\":5}",
            (await Layouts.GetAsync(Student))[0].Placements.Single(p => p.Id == news.Id).SettingsJson
        );
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
        var moves = Enumerable
            .Range(0, 40)
            .Select(i => (Id: ids[i % ids.Length], X: random.Next(12), Y: random.Next(6)))
            .ToList();
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
    public async Task MessagesAndTheFirstTabsTitle_AreInTheReadersLanguage()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            await SetDefaultAsync(
                _f.A.Id,
                Profile.Student,
                new DefaultPlacement
                {
                    WidgetKey = "news",
                    Width = 6,
                    Height = 2,
                    Locked = true,
                }
            );
            var tab = Assert.Single(await Layouts.GetAsync(Student));
            Assert.Equal("Home", tab.Title);
            var news = tab.Placements.Single();
            Assert.Equal(
                ["Your school requires this widget: it cannot be removed."],
                (await Layouts.RemoveAsync(Student, news.Id)).Errors
            );
            Assert.Equal(
                ["Your school has locked this widget: it cannot be moved."],
                (await Layouts.MoveAsync(Student, news.Id, 6, 0)).Errors
            );
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
            Assert.False(
                a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height,
                $"{a} overlaps {b}"
            );
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
