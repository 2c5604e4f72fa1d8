using Enoe.Data.Caching;
using Enoe.Data.Events;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;
using static Enoe.Tests.Support.AcademyConsole;

namespace Enoe.Tests.Data.Caching;

/// <summary>
/// The public site's look-ups through the cache: the académie's name, its list and each public record read once,
/// an unknown address never; each writer's change seen at once by the next page view, here and on another instance.
/// </summary>
public sealed class SchoolDirectoryCacheTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheNameTheListAndAPublicRecord_AreReadOnce_AndAnUnknownAddressNever()
    {
        var counter = new CommandCounter();
        var (database, _, _) = await CachedAcademy.CreateAsync(s => s.AddSingleton<IInterceptor>(counter));
        await using var _ = database;
        var directory = database.Get<SchoolDirectory>();

        async Task<int> PageViewsAsync()
        {
            counter.Reset();
            Assert.Equal("Académie de test", await directory.GetAcademyNameAsync());
            Assert.Equal(["college-a", "college-b"], (await directory.ListAsync()).Select(s => s.Slug));
            Assert.Equal("Collège college-a", (await directory.FindPublicSiteAsync("college-a"))!.Name);
            return counter.Count;
        }
        var (first, second) = (await PageViewsAsync(), await PageViewsAsync());
        counter.Reset();
        Assert.Null(await directory.FindPublicSiteAsync("college-z"));
        output.WriteLine($"round trips: first views {first}, second {second}, unknown address {counter.Count}");

        Assert.Equal((3, 0, 0), (first, second, counter.Count));
    }

    [Fact]
    public async Task AnEdit_ShowsAtOnce_UnderItsNewAddressOnly()
    {
        var (database, f, rectorat) = await CachedAcademy.CreateAsync();
        await using var _ = database;
        var directory = database.Get<SchoolDirectory>();
        Assert.NotNull(await directory.FindPublicSiteAsync("college-a")); // cached
        var form = (await database.Get<SchoolAdministration>().GetAsync(rectorat, f.A.Id)).Value!.Form;
        (form.Name, form.Slug, form.PrimaryColor) = ("Collège Jules Verne", "college-jules-verne", "#123456");

        Assert.True((await database.Get<SchoolAdministration>().UpdateAsync(rectorat, f.A.Id, form)).Succeeded);

        Assert.Null(await directory.FindPublicSiteAsync("college-a"));
        var site = await directory.FindPublicSiteAsync("college-jules-verne");
        Assert.Equal(("Collège Jules Verne", "#123456"), (site!.Name, site.PrimaryColor));
        Assert.Contains(await directory.ListAsync(), s => s.Name == "Collège Jules Verne");
    }

    [Fact]
    public async Task ACreatedEtablissement_IsListedAtOnce()
    {
        var (database, _, rectorat) = await CachedAcademy.CreateAsync();
        await using var _ = database;
        var directory = database.Get<SchoolDirectory>();
        Assert.Equal(2, (await directory.ListAsync()).Count);
        var form = new SchoolForm
        {
            Uai = Uai.Create("0250003"),
            Name = "Collège Victor Hugo",
            Slug = "college-victor-hugo",
        };

        Assert.True((await database.Get<SchoolAdministration>().CreateAsync(rectorat, form)).Succeeded);

        Assert.Contains(await directory.ListAsync(), s => s.Slug == "college-victor-hugo");
        Assert.NotNull(await directory.FindPublicSiteAsync("college-victor-hugo"));
    }

    [Fact]
    public async Task AnArchivedEtablissement_DisappearsAtOnce_AndComesBackAtOnce()
    {
        var (database, f, rectorat) = await CachedAcademy.CreateAsync();
        await using var _ = database;
        var (directory, schools) = (database.Get<SchoolDirectory>(), database.Get<SchoolAdministration>());
        Assert.NotNull(await directory.FindPublicSiteAsync("college-a"));

        Assert.True((await schools.SetArchivedAsync(rectorat, f.A.Id, true)).Succeeded);
        Assert.Null(await directory.FindPublicSiteAsync("college-a"));
        Assert.Equal(["college-b"], (await directory.ListAsync()).Select(s => s.Slug));

        Assert.True((await schools.SetArchivedAsync(rectorat, f.A.Id, false)).Succeeded);
        Assert.NotNull(await directory.FindPublicSiteAsync("college-a"));
    }

    [Fact]
    public async Task ThePublicSiteSwitchedOff_IsGoneAtOnce_AndBackWhenSwitchedOn()
    {
        var (database, f, rectorat) = await CachedAcademy.CreateAsync();
        await using var _ = database;
        var (directory, switches) = (database.Get<SchoolDirectory>(), database.Get<SchoolServiceSwitches>());
        Assert.NotNull(await directory.FindPublicSiteAsync("college-a"));

        Assert.True((await switches.SetAsync(rectorat, f.A.Id, EntService.PublicSite, false)).Succeeded);
        Assert.Null(await directory.FindPublicSiteAsync("college-a"));
        Assert.False((await directory.ListAsync()).Single(s => s.Id == f.A.Id).HasPublicSite);

        Assert.True((await switches.SetAsync(rectorat, f.A.Id, EntService.PublicSite, true)).Succeeded);
        Assert.NotNull(await directory.FindPublicSiteAsync("college-a"));
    }

    [Fact]
    public async Task AnImport_ShowsItsEtablissementsAtOnce()
    {
        var (database, _, rectorat) = await CachedAcademy.CreateAsync();
        await using var _ = database;
        var directory = database.Get<SchoolDirectory>();
        Assert.Equal(2, (await directory.ListAsync()).Count);

        var imported = await database.Get<SchoolAdministration>().ImportAsync(rectorat, Csv(Line(1)));

        Assert.True(imported.Succeeded, string.Join(" ", imported.Errors));
        Assert.Contains(await directory.ListAsync(), s => s.Name == "Collège n°1");
    }

    [Fact]
    public async Task AnEtablissementRenamedInTheDirectory_ShowsAtOnce()
    {
        await using var h = await DirectorySyncHarness.CreateAsync(s => s.AddSingleton(TimeProvider.System));
        await h.RunAsync();
        var directory = h.Database.Get<SchoolDirectory>();
        Assert.Contains(await directory.ListAsync(), s => s.Name == "Collège Jules Verne"); // cached
        var i = h.Directory.Structures.FindIndex(s => s.Uai == SmallDirectory.UaiA);
        h.Directory.Structures[i] = h.Directory.Structures[i] with { Name = "Collège Jules-Verne" };

        Assert.True((await h.RunAsync()).Completed);

        Assert.Contains(await directory.ListAsync(), s => s.Name == "Collège Jules-Verne");
    }

    [Fact]
    public async Task ArchivedThroughA_TheEtablissementLeavesBsPublicSite_WithinASecond_AndBReadsWhatAFilledInRedis()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await RedisServer.ConfigurationAsync());
        var (bus, prefix) = (CachedAcademy.NewBus(), RedisServer.NewPrefix());
        void Shared(IServiceCollection s) =>
            s.AddSingleton<IEventBus>(bus).AddSingleton<IConnectionMultiplexer>(redis).AddEnoeCacheSecondLevel(prefix);
        var (database, f, rectorat) = await CachedAcademy.CreateAsync(Shared);
        await using var _ = database;
        var counterB = new CommandCounter();
        await using var b = database.NewInstance(s =>
        {
            Shared(s);
            s.AddSingleton(TimeProvider.System).AddSingleton<IInterceptor>(counterB);
        });
        var directoryB = b.GetRequiredService<SchoolDirectory>();

        Assert.NotNull(await database.Get<SchoolDirectory>().FindPublicSiteAsync("college-a"));
        await EnoeCacheTests.WrittenAsync(redis, prefix + "school-list");
        await EnoeCacheTests.WrittenAsync(redis, prefix + $"public-school:{f.A.Id}");
        counterB.Reset();
        Assert.NotNull(await directoryB.FindPublicSiteAsync("college-a"));
        Assert.Equal(0, counterB.Count); // from Redis, as A read it

        Assert.True((await database.Get<SchoolAdministration>().SetArchivedAsync(rectorat, f.A.Id, true)).Succeeded);

        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (await directoryB.FindPublicSiteAsync("college-a") is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "B still shows the public site of the établissement archived on A");
            await Task.Yield();
        }
        Assert.DoesNotContain(await directoryB.ListAsync(), s => s.Id == f.A.Id);
    }
}
