using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Enoe.Data.Database;

/// <summary>
/// One initialisation at a time per database, across instances: on PostgreSQL a session advisory lock held on one
/// open connection; on SQLite an exclusive lock on a file beside the database file.
/// </summary>
public sealed partial class DatabaseInitializer
{
    /// <summary>The advisory lock's key: any constant that no other code of the database's users takes.</summary>
    public const long AdvisoryLockKey = 0x454E_4F45_0001; // "ENOE", 1

    /// <summary>How long an instance waits for another one's migration and seeding before giving up.</summary>
    public static TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(100);

    private async Task<IAsyncDisposable> HoldInitializationLockAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connectionString = db.Database.GetConnectionString()!;
        return db.Provider == DatabaseProvider.PostgreSQL
            ? await AdvisoryLock.TakeAsync(db, connectionString, logger, ct)
            : await LockFile.TakeAsync(connectionString, logger, ct);
    }

    /// <summary>
    /// <c>pg_advisory_lock</c> on a connection of its own, released (and the connection closed) on dispose. The
    /// lock is the session's: it goes with the connection if the process dies, so a crash never leaves it taken.
    /// </summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public static async Task<AdvisoryLock> TakeAsync(
            EnoeDbContext db,
            string connectionString,
            ILogger logger,
            CancellationToken ct
        )
        {
            await CreateDatabaseAsync(db, ct);
            // Out of the pool: the session, and so the lock, ends with this connection and no other.
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 };
            var connection = new NpgsqlConnection(builder.ToString());
            try
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand(
                    $"SELECT pg_try_advisory_lock({AdvisoryLockKey})",
                    connection
                );
                if (await command.ExecuteScalarAsync(ct) is not true)
                {
                    logger.LogInformation("Another instance is migrating the database; waiting for it");
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(LockTimeout);
                    command.CommandText = $"SELECT pg_advisory_lock({AdvisoryLockKey})";
                    await command.ExecuteNonQueryAsync(timeout.Token);
                }
                return new AdvisoryLock(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        /// <summary>
        /// The lock lives in the database, so the database must exist first; two instances creating it at once:
        /// one wins, the other finds it there.
        /// </summary>
        private static async Task CreateDatabaseAsync(EnoeDbContext db, CancellationToken ct)
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (await creator.ExistsAsync(ct))
                return;
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT pg_advisory_unlock({AdvisoryLockKey})",
                    connection
                );
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync(); // closing ends the session, which frees the lock anyway
            }
        }
    }

    /// <summary>
    /// <c>enoe.db.init-lock</c> beside the database file, open with no sharing (an OS lock: freed when the process
    /// dies). The file itself means nothing and is never deleted, so a file left behind never blocks, and no
    /// instance can lock a file another one has just unlinked.
    /// </summary>
    private sealed class LockFile(FileStream? stream) : IAsyncDisposable
    {
        public static async Task<IAsyncDisposable> TakeAsync(
            string connectionString,
            ILogger logger,
            CancellationToken ct
        )
        {
            var source = new SqliteConnectionStringBuilder(connectionString);
            if (source.Mode == SqliteOpenMode.Memory || source.DataSource is "" or ":memory:")
                return new LockFile(null); // a database in memory belongs to one process
            var path = Path.GetFullPath(source.DataSource) + ".init-lock";
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var deadline = DateTime.UtcNow + LockTimeout;
            var waited = false;
            while (true)
            {
                try
                {
                    return new LockFile(
                        new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1)
                    );
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    if (!waited)
                        logger.LogInformation("Another instance is migrating the database; waiting for it");
                    waited = true;
                    await Task.Delay(LockRetryDelay, ct);
                }
                catch (IOException e)
                {
                    throw new TimeoutException(
                        $"{path} stayed locked for {LockTimeout}: another instance is still migrating.",
                        e
                    );
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            stream?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
