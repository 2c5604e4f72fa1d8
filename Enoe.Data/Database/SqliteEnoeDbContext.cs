using System.Data.Common;
using Enoe.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enoe.Data.Database;

/// <summary>ENOE on an embedded SQLite file; its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteEnoeDbContext(DbContextOptions options) : EnoeDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // A list in a query (a mémo's 2,000 recipients) goes as one JSON parameter read by json_each, not EF 10's default
    // of one parameter per item: SQLite binds those by name, each bind scanning the names before it (2,000² string
    // comparisons, a fifth of the send's CPU in a profile), EF rebuilds the IN list at every execution, and tens of
    // thousands of ids would pass SQLite's (and PostgreSQL's) limit on parameters.
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(FoldFunction.Instance);

    /// <summary>SQLite has no accent folding: each connection gets the same C# function the patterns use.</summary>
    private sealed class FoldFunction : DbConnectionInterceptor
    {
        public static readonly FoldFunction Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            Register(connection);

        public override Task ConnectionOpenedAsync(
            DbConnection connection,
            ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default
        )
        {
            Register(connection);
            return Task.CompletedTask;
        }

        private static void Register(DbConnection connection) =>
            ((SqliteConnection)connection).CreateFunction<string?, string?>(
                TextSearch.FoldFunction,
                text => text is null ? null : TextSearch.Fold(text),
                isDeterministic: true
            );
    }
}
