using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Enoe.Data.Database;

/// <summary>Errors that mean "others were writing the same thing, try again", on either database.</summary>
public static class Contention
{
    public static bool IsBusy(Exception e) =>
        e switch
        {
            SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED beyond the timeout
            PostgresException p => p.SqlState
                is PostgresErrorCodes.SerializationFailure
                    or PostgresErrorCodes.DeadlockDetected
                    or PostgresErrorCodes.LockNotAvailable,
            _ => e.InnerException is { } inner && IsBusy(inner),
        };

    /// <summary>A unique index refused the row: someone else just created the same name or key.</summary>
    public static bool IsDuplicate(Exception e) =>
        e switch
        {
            SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
            PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
            _ => e.InnerException is { } inner && IsDuplicate(inner),
        };

    /// <summary>
    /// A foreign key refused the row: what it points at was deleted by someone else since it was checked (a motive
    /// withdrawn while an absence was being justified with it).
    /// </summary>
    public static bool IsMissingReference(Exception e) =>
        e switch
        {
            SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode == 787, // CONSTRAINT_FOREIGNKEY
            PostgresException p => p.SqlState == PostgresErrorCodes.ForeignKeyViolation,
            _ => e.InnerException is { } inner && IsMissingReference(inner),
        };

    /// <summary>
    /// Inserts a row keyed by what it is (a tick, a favourite), or nothing when someone inserted it a moment ago.
    /// </summary>
    public static async Task InsertUnlessPresentAsync<T>(this EnoeDbContext db, T row, CancellationToken ct)
        where T : class
    {
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsDuplicate(e))
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
