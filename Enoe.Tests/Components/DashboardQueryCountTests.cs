using System.Security.Claims;
using Bunit;
using Enoe.Data.Dashboards;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.SchoolNetwork;
using Enoe.Tests.Support;
using Enoe.Widgets;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Xunit.Abstractions;

namespace Enoe.Tests.Components;

public sealed class DashboardQueryCountTests(ITestOutputHelper output) : BunitContext, IAsyncLifetime
{
    private readonly CommandCounter _counter = new();
    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(
            seedDemo: true,
            configure: s => s.AddEnoeWidgets().AddSingleton<IInterceptor>(_counter)
        );
        this.AddDashboardServices(_database);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task EightWidgetDashboard_TakesTheLayoutPlusAtMostOneRoundTripPerWidget()
    {
        int lucas,
            school;
        await using (var db = _database.NewContext())
        {
            var person = await db.Users.SingleAsync(u => u.UserName == "lucas.martin");
            (lucas, school) = (
                person.Id,
                await db.Memberships.Where(m => m.PersonId == person.Id).Select(m => m.SchoolId).FirstAsync()
            );
            string[] keys =
            [
                "news",
                "school-network",
                "resources",
                "news",
                "school-network",
                "resources",
                "news",
                "resources",
            ];
            db.DashboardTabs.Add(
                new DashboardTab
                {
                    PersonId = lucas,
                    SchoolId = school,
                    Title = "Accueil",
                    Placements =
                    [
                        .. keys.Select(
                            (k, i) =>
                                new WidgetPlacement
                                {
                                    WidgetKey = k,
                                    X = i % 3 * 4,
                                    Y = i / 3 * 4,
                                    Width = 4,
                                    Height = 4,
                                }
                        ),
                    ],
                }
            );
            await db.SaveChangesAsync();
        }
        var auth = AddAuthorization();
        auth.SetAuthorized("lucas.martin");
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, lucas.ToString()),
            new Claim(EnoeClaims.School, school.ToString()),
            new Claim(EnoeClaims.Profile, nameof(Profile.Student))
        );

        _counter.Reset();
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-widget]").Count));
        // Widgets have loaded
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-widget=resources] .enoe-star")));

        output.WriteLine($"{_counter.Count} round trips:\n{_counter.Log}");
        const int shell = 1; // the person's workspace (name, école, profiles, children)
        const int gate = 1; // the établissement's switches, then cached for every page and widget of the school
        const int catalogue = 1; // the établissement's resources, then cached for all its readers
        // Who and where (from the database), what their default imposes, the tabs with their placements
        const int layout = 3;
        Assert.True(
            _counter.Count <= shell + gate + catalogue + layout + 8,
            $"{_counter.Count} round trips for 8 widgets:\n{_counter.Log}"
        );
    }
}
