using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enoe.Data.Database;

/// <summary>
/// Makes writers that check-then-write take turns on one row (a room, a person's quota) or on several, in key order.
/// SQLite needs nothing: its write transactions start by taking the database's only write lock (Microsoft.Data.Sqlite
/// begins them IMMEDIATE). PostgreSQL lets them run side by side under READ COMMITTED, so each row is locked
/// <c>FOR NO KEY UPDATE</c> until the caller's transaction ends: the second writer waits, then sees the first's rows.
/// (Not <c>FOR UPDATE</c>: that also blocks every insert whose foreign key points at the row, as PostgreSQL checks
/// those under a key-share lock; a person's lock would stall mémos to them, and two senders could deadlock.)
/// </summary>
public static class RowLocks
{
    /// <summary>
    /// Locks the row of <typeparamref name="TEntity"/> whose key is <paramref name="id"/>; call inside a transaction.
    /// </summary>
    public static Task LockAsync<TEntity>(this EnoeDbContext db, int id, CancellationToken ct)
        where TEntity : class => db.LockAllAsync<TEntity>([id], ct);

    /// <summary>
    /// Locks the rows of <typeparamref name="TEntity"/> whose keys are <paramref name="ids"/>, in the order of their
    /// keys: two writers locking overlapping sets wait for each other rather than each holding what the other needs.
    /// </summary>
    public static async Task LockAllAsync<TEntity>(this EnoeDbContext db, IEnumerable<int> ids, CancellationToken ct)
        where TEntity : class
    {
        // A caller given up stops at its turn on SQLite too, where the lock sends nothing that would notice.
        ct.ThrowIfCancellationRequested();
        if (db.Provider == DatabaseProvider.Sqlite)
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A row lock lasts until the transaction ends: begin one first.");
        var table = db.Model.FindEntityType(typeof(TEntity))!.GetTableName();
        // The table name comes from the model, never from input; the ids are a parameter.
        var sql = "SELECT 1 FROM \"" + table + "\" WHERE \"Id\" = ANY({0}) ORDER BY \"Id\" FOR NO KEY UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [ids.Distinct().ToArray()], ct);
    }

    /// <summary>
    /// Begins a transaction and locks the row of <typeparamref name="TEntity"/> whose key is <paramref name="id"/>:
    /// the caller's turn on it, until the transaction returned ends. A lock that fails (the caller given up while it
    /// waits) ends the transaction at once, rather than leaving it open on the context for its next operation.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginTurnAsync<TEntity>(
        this EnoeDbContext db,
        int id,
        CancellationToken ct
    )
        where TEntity : class
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.LockAsync<TEntity>(id, ct);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
