using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// What a default imposes (mandatory and locked widgets), the "Rangés" tray, and widgets of services switched off.
/// </summary>
public sealed partial class LayoutServiceTests
{
    [Fact]
    public async Task SwitchedOffService_HidesItsWidgets_AndSwitchingBackRestoresThem()
    {
        await Layouts.GetAsync(Teacher);
        await SwitchOffAsync(EntService.Logbook);
        Assert.DoesNotContain(
            "teachers-only",
            (await Layouts.GetAsync(Teacher))[0].Placements.Select(p => p.WidgetKey)
        );
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
        await SetDefaultAsync(
            _f.A.Id,
            Profile.Student,
            new DefaultPlacement
            {
                WidgetKey = "news",
                X = 0,
                Y = 0,
                Width = 6,
                Height = 2,
                Mandatory = true,
            },
            new DefaultPlacement
            {
                WidgetKey = "network",
                X = 6,
                Y = 0,
                Width = 6,
                Height = 2,
                Locked = true,
            }
        );
        var tab = (await Layouts.GetAsync(Student))[0];
        var mandatory = tab.Placements.Single(p => p.WidgetKey == "news");
        var locked = tab.Placements.Single(p => p.WidgetKey == "network");

        Assert.Equal(ResultKind.Forbidden, (await Layouts.RemoveAsync(Student, mandatory.Id)).Kind);
        Assert.True((await Layouts.MoveAsync(Student, mandatory.Id, 0, 3)).Succeeded); // mandatory may move
        Assert.Equal(ResultKind.Forbidden, (await Layouts.MoveAsync(Student, locked.Id, 0, 0)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Layouts.ResizeAsync(Student, locked.Id, 12, 4)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Layouts.RemoveAsync(Student, locked.Id)).Kind);
        // Onto the locked one
        Assert.Equal(ResultKind.Conflict, (await Layouts.MoveAsync(Student, mandatory.Id, 6, 0)).Kind);
        var stored = (await Layouts.GetAsync(Student))[0].Placements.Single(p => p.Id == locked.Id);
        Assert.Equal((6, 0, 6, 2), (stored.X, stored.Y, stored.Width, stored.Height));
        await Layouts.AddTabAsync(Student, "Autre");
        Assert.Equal(ResultKind.Forbidden, (await Layouts.DeleteTabAsync(Student, tab.Id)).Kind);
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
        await SetDefaultAsync(
            _f.A.Id,
            Profile.Student,
            new DefaultPlacement
            {
                WidgetKey = "news",
                X = 4,
                Y = 0,
                Width = 8,
                Height = 2,
                Locked = true,
            }
        );
        tab = (await Layouts.GetAsync(Student))[0];
        var locked = Assert.Single(tab.Placements);
        Assert.Equal(
            (news.Id, 4, 0, 8, 2, true),
            (locked.Id, locked.X, locked.Y, locked.Width, locked.Height, locked.Locked)
        );
        var stowed = Assert.Single(tab.Stowed);
        Assert.Equal(
            (network.Id, 4, 4, "{\"mine\":true}"),
            (stowed.Id, stowed.Width, stowed.Height, stowed.SettingsJson)
        );
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
        await SetDefaultAsync(
            _f.A.Id,
            Profile.Student,
            new DefaultPlacement
            {
                WidgetKey = "news",
                X = 0,
                Y = 0,
                Width = 12,
                Height = 2,
                Locked = true,
            }
        );
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
        await SetDefaultAsync(
            _f.A.Id,
            Profile.Teacher,
            new DefaultPlacement
            {
                WidgetKey = "news",
                X = 0,
                Y = 0,
                Width = 4,
                Height = 3,
                Mandatory = true,
            }
        );
        tab = (await Layouts.GetAsync(Teacher))[0];
        Assert.Empty(tab.Stowed);
        var news = tab.Placements.Single(p => p.WidgetKey == "news");
        Assert.True(news.Mandatory && !news.Locked);
        Assert.Equal(mine, tab.Placements.Where(p => p.WidgetKey != "news").ToDictionary(p => p.Id, p => (p.X, p.Y)));
        AssertNoOverlap(tab.Placements);
    }

    [Fact]
    public async Task SixTabsOpeningAtOnce_AfterAWidgetIsImposed_AddItOnce()
    {
        var tab = (await Layouts.GetAsync(Teacher))[0];
        await Layouts.RemoveAsync(Teacher, tab.Placements.Single(p => p.WidgetKey == "news").Id);
        await SetDefaultAsync(
            _f.A.Id,
            Profile.Teacher,
            new DefaultPlacement
            {
                WidgetKey = "news",
                X = 0,
                Y = 0,
                Width = 4,
                Height = 3,
                Mandatory = true,
            }
        );

        // Each visit finds the widget missing and repairs; under the person's lock only the first one adds it.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Layouts.GetAsync(Teacher))));

        var placements = (await Layouts.GetAsync(Teacher)).SelectMany(t => t.Placements).ToList();
        Assert.Single(placements, p => p.WidgetKey == "news");
    }

    [Fact]
    public async Task WidgetsOfAServiceSwitchedOff_LeaveNoHole_AndComeBackWithoutOverlap()
    {
        await using (var db = _database.NewContext())
        {
            db.DashboardTabs.Add(
                new DashboardTab
                {
                    PersonId = _f.TeacherA.Id,
                    SchoolId = _f.A.Id,
                    Title = "Accueil",
                    Placements =
                    [
                        new()
                        {
                            WidgetKey = "teachers-only",
                            X = 0,
                            Y = 0,
                            Width = 12,
                            Height = 2,
                        },
                        new()
                        {
                            WidgetKey = "news",
                            X = 0,
                            Y = 2,
                            Width = 4,
                            Height = 3,
                        },
                        new()
                        {
                            WidgetKey = "network",
                            X = 4,
                            Y = 2,
                            Width = 4,
                            Height = 4,
                        },
                    ],
                }
            );
            await db.SaveChangesAsync();
        }
        await SwitchOffAsync(EntService.Logbook);
        var tab = (await Layouts.GetAsync(Teacher))[0];
        Assert.Equal(
            [("network", 4, 0), ("news", 0, 0)],
            tab.Placements.Select(p => (p.WidgetKey, p.X, p.Y)).OrderBy(p => p.WidgetKey)
        );
        var news = tab.Placements.Single(p => p.WidgetKey == "news");
        // The hidden widget takes no room either
        var resized = (await Layouts.ResizeAsync(Teacher, news.Id, 4, 2)).Value!;
        Assert.Equal((0, 0), resized.Placements.Single(p => p.Id == news.Id) is var n ? (n.X, n.Y) : default);

        await SwitchOffAsync();
        tab = (await Layouts.GetAsync(Teacher))[0];
        Assert.Equal(3, tab.Placements.Count);
        AssertNoOverlap(tab.Placements);
    }
}
