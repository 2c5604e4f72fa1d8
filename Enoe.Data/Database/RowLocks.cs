using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Database;

/// <summary>
/// Makes writers that check-then-write take turns on one row (a room, a person's quota). SQLite needs nothing:
/// its write transactions start by taking the database's only write lock (Microsoft.Data.Sqlite begins them
/// IMMEDIATE). PostgreSQL lets them run side by side under READ COMMITTED, so the row is locked
/// <c>FOR NO KEY UPDATE</c> until the caller's transaction ends: the second writer waits, then sees the first's rows.
/// (Not <c>FOR UPDATE</c>: that also blocks every insert whose foreign key points at the row, as PostgreSQL checks
/// those under a key-share lock; a person's lock would stall mémos to them, and two senders could deadlock.)
/// </summary>
public static class RowLocks
{
    /// <summary>
    /// Locks the row of <typeparamref name="TEntity"/> whose key is <paramref name="id"/>; call inside a transaction.
    /// </summary>
    public static async Task LockAsync<TEntity>(this EnoeDbContext db, int id, CancellationToken ct)
        where TEntity : class
    {
        if (db.Provider == DatabaseProvider.Sqlite)
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A row lock lasts until the transaction ends: begin one first.");
        var table = db.Model.FindEntityType(typeof(TEntity))!.GetTableName();
        // The table name comes from the model, never from input; the id is a parameter.
        var sql = "SELECT 1 FROM \"" + table + "\" WHERE \"Id\" = {0} FOR NO KEY UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [id], ct);
    }
}
