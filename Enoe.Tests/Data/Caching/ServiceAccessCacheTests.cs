using Enoe.Data.Caching;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Enoe.Tests.Data.Caching;

/// <summary>
/// An établissement's switches through the cache: read from the database once, read again after a switch, and
/// with two instances (one Redis, one bus standing in for theirs) a service switched off through A is refused by B
/// within a second; each instance forgets them once per change, so reads them once after it.
/// </summary>
public sealed class ServiceAccessCacheTests
{
    private static Task<(TestDatabase Database, TwoSchools F, CurrentUser Rectorat)> ArrangeAsync(
        Action<IServiceCollection>? configure = null
    ) => CachedAcademy.CreateAsync(configure);

    [Fact]
    public async Task TheSwitches_AreReadOnce_AndAgainOnlyAfterTheyChange()
    {
        var counter = new CommandCounter();
        var (database, f, rectorat) = await ArrangeAsync(s => s.AddSingleton<IInterceptor>(counter));
        await using var _ = database;
        var access = database.Get<ServiceAccess>();
        var student = TwoSchools.As(f.StudentA, f.A);

        counter.Reset();
        Assert.Null(await access.RefusalAsync(student, EntService.Memos));
        Assert.Null(await access.RefusalAsync(student, EntService.Bookings));
        Assert.Equal(1, counter.Count);

        // The open page hears the change only once the fresh copy is read here (the bus runs it on its own thread,
        // and a check racing this one may read too: a cost, not the defect this looks for).
        var heard = new TaskCompletionSource();
        using var openPage = OpenPage(database.Get<IEventBus>(), access, student, heard.Task);
        await database.Get<SchoolServiceSwitches>().SetAsync(rectorat, f.A.Id, EntService.Memos, false);
        counter.Reset();
        Assert.NotNull(await access.RefusalAsync(student, EntService.Memos)); // refused at once, here
        heard.SetResult();
        await database.DeliveredAsync(); // the open page heard the change and checked again
        Assert.NotNull(await access.RefusalAsync(student, EntService.Memos));
        Assert.Null(await access.RefusalAsync(student, EntService.Bookings));
        // One read: the announcement did not drop the fresh copy again (that made two).
        Assert.Equal(1, counter.Count);
    }

    /// <summary>
    /// What an open page does (<c>UserSession</c>): on hearing of a change, it checks the service again.
    /// </summary>
    private static IDisposable OpenPage(IEventBus bus, ServiceAccess access, CurrentUser user, Task? after = null) =>
        bus.Subscribe<SchoolServicesChanged>(async e =>
        {
            await (after ?? Task.CompletedTask);
            await access.HeardAsync(e);
            await access.RefusalAsync(user, EntService.Memos);
        });

    [Fact]
    public async Task ASwitchTurnedOffThroughA_IsRefusedByB_WithinASecond_AndBReadsWhatAFilledInRedis()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await RedisServer.ConfigurationAsync());
        var (bus, prefix) = (new InProcessEventBus(NullLogger<InProcessEventBus>.Instance), RedisServer.NewPrefix());
        void Shared(IServiceCollection s) =>
            s.AddSingleton<IEventBus>(bus).AddSingleton<IConnectionMultiplexer>(redis).AddEnoeCacheSecondLevel(prefix);
        var (database, f, rectorat) = await ArrangeAsync(Shared);
        await using var _ = database;
        var counterB = new CommandCounter();
        await using var b = database.NewInstance(s =>
        {
            Shared(s);
            s.AddSingleton(TimeProvider.System).AddSingleton<IInterceptor>(counterB);
        });
        var student = TwoSchools.As(f.StudentA, f.A);
        var accessB = b.GetRequiredService<ServiceAccess>();

        Assert.Null(await database.Get<ServiceAccess>().RefusalAsync(student, EntService.Memos));
        await EnoeCacheTests.WrittenAsync(redis, prefix + $"school-access:{f.A.Id}");
        counterB.Reset();
        Assert.Null(await accessB.RefusalAsync(student, EntService.Memos));
        Assert.Equal(0, counterB.Count); // from Redis, as A read it
        using var openPageOnB = OpenPage(bus, accessB, student);

        var switched = await database.Get<SchoolServiceSwitches>().SetAsync(rectorat, f.A.Id, EntService.Memos, false);
        Assert.True(switched.Succeeded);

        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (await accessB.RefusalAsync(student, EntService.Memos) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "B still lets the student use the service switched off through A");
            await Task.Yield();
        }
        counterB.Reset();
        Assert.Equal(ServiceState.Off, await accessB.StateAsync(f.A.Id, EntService.Memos));
        Assert.Equal(ServiceState.On, await accessB.StateAsync(f.A.Id, EntService.Bookings));
        await database.DeliveredAsync(); // B's open page heard the change and checked again
        Assert.Equal(ServiceState.Off, await accessB.StateAsync(f.A.Id, EntService.Memos));
        Assert.Equal(0, counterB.Count); // B forgot once: what it read as the change arrived, it kept
    }
}
