using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enoe.Tests.Data;

public sealed partial class MemoDeliveryTests
{
    /// <summary>
    /// Fails the next statement that writes a mémo's copies when armed, as a database that stopped answering would;
    /// notes what <see cref="Marker"/> held in the context that wrote them, and can hold the writer back.
    /// </summary>
    private sealed class CopiesWatch : DbCommandInterceptor
    {
        public static readonly AsyncLocal<string?> Marker = new();
        public volatile bool Armed;
        public volatile bool Written;
        public string? MarkerSeen;

        /// <summary>Awaited before copies are written (after the delivery took its mémo); null: none.</summary>
        public Func<Task>? BeforeWriting;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken ct = default
        )
        {
            await WatchAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken ct = default
        )
        {
            await WatchAsync(command);
            return result;
        }

        private async Task WatchAsync(DbCommand command)
        {
            if (!command.CommandText.Contains("INSERT INTO \"MemoRecipient\""))
                return;
            if (Armed)
            {
                Armed = false;
                throw new InvalidOperationException("The database did not answer (a test's fault).");
            }
            MarkerSeen = Marker.Value;
            Written = true;
            if (BeforeWriting is { } wait)
                await wait();
        }
    }
}
