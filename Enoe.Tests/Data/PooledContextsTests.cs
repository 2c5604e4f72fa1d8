using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// The factory's contexts come from EF Core's pool (Database/PooledContexts.cs): the next operation gets the same
/// context back, reset; the context of a request's scope stays out of it.
/// </summary>
public sealed class PooledContextsTests
{
    [Fact]
    public async Task AContextDisposed_IsHandedToTheNextOperation_WithNothingOfTheLastOneLeft()
    {
        await using var database = await TestDatabase.CreateAsync();
        var factory = database.Get<IDbContextFactory<EnoeDbContext>>();

        EnoeDbContext first;
        await using (first = await factory.CreateDbContextAsync())
        {
            first.ChangeTracker.AutoDetectChangesEnabled = false; // as the directory sync does
            first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            first.Academies.Add(new Academy { Name = "Jamais écrite" });
            await first.Database.BeginTransactionAsync();
        }

        await using var next = await factory.CreateDbContextAsync();
        Assert.Same(first, next);
        Assert.Empty(next.ChangeTracker.Entries());
        Assert.True(next.ChangeTracker.AutoDetectChangesEnabled);
        Assert.Equal(QueryTrackingBehavior.TrackAll, next.ChangeTracker.QueryTrackingBehavior);
        Assert.Null(next.Database.CurrentTransaction);
    }

    [Fact]
    public async Task AContextBackFromThePool_StillFoldsAccents()
    {
        await using var database = await TestDatabase.CreateAsync();
        var factory = database.Get<IDbContextFactory<EnoeDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Academies.Add(new Academy { Name = "Académie d'Orléans-Tours" });
            await db.SaveChangesAsync();
        }

        // The function is given to SQLite when the connection is made: a reused context opens it again.
        for (var time = 0; time < 3; time++)
        {
            await using var db = await factory.CreateDbContextAsync();
            Assert.Equal(
                1,
                await db.Academies.CountAsync(a =>
                    EF.Functions.Like(TextSearch.Folded(a.Name), TextSearch.Pattern("ORLEANS"), TextSearch.Escape)
                )
            );
        }
    }

    [Fact]
    public async Task ContextsInUseAtOnce_AreDistinct()
    {
        await using var database = await TestDatabase.CreateAsync();
        var factory = database.Get<IDbContextFactory<EnoeDbContext>>();

        await using var one = await factory.CreateDbContextAsync();
        await using var other = await factory.CreateDbContextAsync();

        Assert.NotSame(one, other);
    }

    [Fact]
    public async Task TheContextOfARequestsScope_IsNeverOneOfThePools()
    {
        await using var database = await TestDatabase.CreateAsync();
        var factory = database.Get<IDbContextFactory<EnoeDbContext>>();

        EnoeDbContext scoped;
        await using (var scope = database.Services.CreateAsyncScope())
            scoped = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        await using var fromPool = await factory.CreateDbContextAsync();
        await using var again = database.Services.CreateAsyncScope();

        Assert.NotSame(scoped, fromPool);
        Assert.NotSame(scoped, again.ServiceProvider.GetRequiredService<EnoeDbContext>());
    }
}
