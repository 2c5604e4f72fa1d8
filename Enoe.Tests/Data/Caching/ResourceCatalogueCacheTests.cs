using Enoe.Data.Common;
using Enoe.Data.DigitalResources;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Enoe.Tests.Data.Caching;

/// <summary>
/// The resources catalogue through the cache: read once per établissement while each reader's profile, levels and
/// favourites are read on every call; every writer's change seen at once by the next call, here and on another
/// instance sharing the bus.
/// </summary>
public sealed class ResourceCatalogueCacheTests(ITestOutputHelper output)
{
    private sealed record Arranged(TestDatabase Database, TwoSchools F, CurrentUser Rectorat)
    {
        public DigitalResourceService Resources => Database.Get<DigitalResourceService>();
        public CurrentUser StudentA => TwoSchools.As(F.StudentA, F.A);
        public CurrentUser AdminA => TwoSchools.As(F.AdminA, F.A);
        public CurrentUser StaffB => TwoSchools.As(F.StaffB, F.B);

        public async Task<List<string>> TitlesAsync(CurrentUser user, DigitalResourceService? on = null) =>
            [.. (await (on ?? Resources).ListForAsync(user)).Select(r => r.Title)];
    }

    private static async Task<Arranged> ArrangeAsync(Action<IServiceCollection>? configure = null)
    {
        var (database, f, rectorat) = await CachedAcademy.CreateAsync(configure);
        var arranged = new Arranged(database, f, rectorat);
        Assert.True((await arranged.Resources.SaveAsync(rectorat, Draft("Lumni"))).Succeeded);
        Assert.True((await arranged.Resources.SaveAsync(arranged.AdminA, Draft("CDI du collège A"))).Succeeded);
        return arranged;
    }

    private static DigitalResourceDraft Draft(string title, int id = 0) =>
        new()
        {
            Id = id,
            Title = title,
            Url = "https://example.org/" + title.Length,
            Profiles = DigitalResource.Audiences,
        };

    [Fact]
    public async Task TheCatalogue_IsReadOncePerEtablissement_ThePersonOnEveryCall_InOneRoundTrip()
    {
        var counter = new CommandCounter();
        var a = await ArrangeAsync(s => s.AddSingleton<IInterceptor>(counter));
        await using var _ = a.Database;

        counter.Reset();
        Assert.Equal(["CDI du collège A", "Lumni"], await a.TitlesAsync(a.StudentA));
        var first = counter.Count;
        counter.Reset();
        Assert.Equal(["CDI du collège A", "Lumni"], await a.TitlesAsync(a.StudentA));
        var second = counter.Count;
        counter.Reset();
        Assert.Equal(["CDI du collège A", "Lumni"], await a.TitlesAsync(TwoSchools.As(a.F.TeacherA, a.F.A)));
        var anotherReader = counter.Count;
        output.WriteLine($"round trips: first call {first}, second {second}, another reader of A {anotherReader}");

        Assert.Equal(2, first); // the reader, the catalogue (the gate's switches were read by the writes)
        Assert.Equal(1, second); // the reader only: the catalogue came from the cache
        Assert.Equal(1, anotherReader);
        counter.Reset();
        Assert.Equal(["Lumni"], await a.TitlesAsync(a.StaffB)); // B's catalogue: the académie's resources only
        Assert.Equal(3, counter.Count); // B's switches and catalogue, first read here, and the reader
    }

    [Fact]
    public async Task CreatingAResource_ReachesItsReadersAtOnce_TheAcademiesEveryone_AnEtablissementsItsOwn()
    {
        var a = await ArrangeAsync();
        await using var _ = a.Database;
        Assert.Equal(["CDI du collège A", "Lumni"], await a.TitlesAsync(a.StudentA)); // cached
        Assert.Equal(["Lumni"], await a.TitlesAsync(a.StaffB));

        Assert.True((await a.Resources.SaveAsync(a.Rectorat, Draft("Eduscol"))).Succeeded);
        Assert.Equal(["CDI du collège A", "Eduscol", "Lumni"], await a.TitlesAsync(a.StudentA));
        Assert.Equal(["Eduscol", "Lumni"], await a.TitlesAsync(a.StaffB));

        Assert.True((await a.Resources.SaveAsync(a.AdminA, Draft("Chorale"))).Succeeded);
        Assert.Equal(["CDI du collège A", "Chorale", "Eduscol", "Lumni"], await a.TitlesAsync(a.StudentA));
        Assert.Equal(["Eduscol", "Lumni"], await a.TitlesAsync(a.StaffB));
    }

    [Fact]
    public async Task EditingAResource_ShowsAtOnce()
    {
        var a = await ArrangeAsync();
        await using var _ = a.Database;
        var cdi = (await a.Resources.ListForAsync(a.StudentA)).Single(r => r.FromSchool);
        var lumni = (await a.Resources.ListForAsync(a.StaffB)).Single();

        Assert.True((await a.Resources.SaveAsync(a.AdminA, Draft("CDI (e-sidoc)", cdi.Id))).Succeeded);
        Assert.True((await a.Resources.SaveAsync(a.Rectorat, Draft("Lumni, vidéos", lumni.Id))).Succeeded);

        Assert.Equal(["CDI (e-sidoc)", "Lumni, vidéos"], await a.TitlesAsync(a.StudentA));
        Assert.Equal(["Lumni, vidéos"], await a.TitlesAsync(a.StaffB));
    }

    [Fact]
    public async Task DeletingAResource_RemovesItAtOnce_AndItCanNoLongerBeAFavourite()
    {
        var a = await ArrangeAsync();
        await using var _ = a.Database;
        var resources = await a.Resources.ListForAsync(a.StudentA);
        var (cdi, lumni) = (resources.Single(r => r.FromSchool), resources.Single(r => !r.FromSchool));

        Assert.True((await a.Resources.DeleteAsync(a.AdminA, cdi.Id)).Succeeded);
        Assert.Equal(["Lumni"], await a.TitlesAsync(a.StudentA));
        Assert.Equal(ResultKind.NotFound, (await a.Resources.ToggleFavouriteAsync(a.StudentA, cdi.Id)).Kind);
        Assert.True((await a.Resources.DeleteAsync(a.Rectorat, lumni.Id)).Succeeded);
        Assert.Empty(await a.TitlesAsync(a.StudentA));
        Assert.Empty(await a.TitlesAsync(a.StaffB));
    }

    [Fact]
    public async Task AResourceAddedThroughA_ReachesBsReaders_OnceTheBusDelivers()
    {
        var bus = CachedAcademy.NewBus();
        var a = await ArrangeAsync(s => s.AddSingleton<IEventBus>(bus));
        await using var _ = a.Database;
        await using var b = a.Database.NewInstance(s =>
            s.AddSingleton<IEventBus>(bus).AddSingleton(TimeProvider.System)
        );
        var onB = b.GetRequiredService<DigitalResourceService>();
        Assert.Equal(["CDI du collège A", "Lumni"], await a.TitlesAsync(a.StudentA, onB)); // cached on B

        Assert.True((await a.Resources.SaveAsync(a.Rectorat, Draft("Eduscol"))).Succeeded);
        await bus.WhenIdleAsync(); // the bus between instances delivers after the call returns

        Assert.Equal(["CDI du collège A", "Eduscol", "Lumni"], await a.TitlesAsync(a.StudentA, onB));
    }
}
