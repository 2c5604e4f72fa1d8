using System.Data.Common;
using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>A row's turn: a transaction begun with the row locked, or no transaction at all.</summary>
public sealed class RowLocksTests
{
    [Fact]
    public async Task ATurnGivenUpBeforeItsLock_LeavesNoTransactionOnTheContext()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var givenUp = new CancellationTokenSource();
        await using var instance = database.NewInstance(s =>
            s.AddSingleton<IInterceptor>(new GivenUpOnceBegun(givenUp))
        );
        await using var db = await instance
            .GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.BeginTurnAsync<Person>(1, givenUp.Token));

        // Left open, the context's next operation would run in it (or fail to begin its own).
        Assert.Null(db.Database.CurrentTransaction);
    }

    /// <summary>The caller gives up just after its transaction began, before the row is locked.</summary>
    private sealed class GivenUpOnceBegun(CancellationTokenSource caller) : DbTransactionInterceptor
    {
        public override async ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection,
            TransactionEndEventData eventData,
            DbTransaction result,
            CancellationToken ct = default
        )
        {
            await caller.CancelAsync();
            return result;
        }
    }
}
