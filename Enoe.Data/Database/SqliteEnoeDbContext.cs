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

    /// <summary>
    /// SQLite has no accent folding: each connection gets the same C# function the patterns use. Given once, when EF
    /// creates the connection: the connection gives it to SQLite again at each opening (a pooled context keeps its
    /// connection, opened and closed for each operation), where giving it at each opening did it twice.
    /// </summary>
    private sealed class FoldFunction : DbConnectionInterceptor
    {
        public static readonly FoldFunction Instance = new();

        public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
        {
            Register(result);
            return result;
        }

        private static void Register(DbConnection connection) =>
            ((SqliteConnection)connection).CreateFunction<string?, string?>(
                TextSearch.FoldFunction,
                text => text is null ? null : TextSearch.Fold(text),
                isDeterministic: true
            );
    }
}
