using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enoe.Tests.Support;

/// <summary>
/// Forces a race's interleaving every time: another operation runs meanwhile, just after the nth command whose text
/// contains a piece of SQL ran (reads and writes, synchronous reads too; <see cref="Meanwhile{T}.Other"/> says when
/// the command never came). Given to an instance of its own (<c>NewInstance(s => s.AddSingleton&lt;IInterceptor&gt;(
/// meanwhile))</c>), it interrupts that instance's operation; the other operation goes through the test's usual
/// services, which it does not see.
/// </summary>
public static class Meanwhile
{
    /// <summary>How long an operation run on its own thread is waited for before the interrupted one goes on.</summary>
    public static readonly TimeSpan AtMost = TimeSpan.FromSeconds(1);

    /// <param name="onItsOwnThread">
    /// For another operation that may have to wait for the interrupted one's turn (the lock a fix takes): awaited,
    /// it would wait for ever. It runs on a thread of its own, since Microsoft.Data.Sqlite waits for its write lock
    /// without yielding, and is waited for at most <see cref="AtMost"/>; then the interrupted operation goes on.
    /// Otherwise the other operation runs to its end before the interrupted one goes on.
    /// </param>
    public static Meanwhile<T> After<T>(string sql, Func<Task<T>> other, int nth = 1, bool onItsOwnThread = false) =>
        new(sql, nth, other, onItsOwnThread);
}

/// <summary>See <see cref="Meanwhile"/>.</summary>
public sealed class Meanwhile<T>(string sql, int nth, Func<Task<T>> other, bool onItsOwnThread) : DbCommandInterceptor
{
    private int _seen;
    private Task<T>? _ran;

    /// <summary>The other operation; asked before the command came, the interleaving did not happen.</summary>
    public Task<T> Other => _ran ?? throw new InvalidOperationException($"No command with {sql} ran {nth} time(s).");

    private async Task<TResult> ThenAsync<TResult>(DbCommand command, TResult result, CancellationToken ct)
    {
        if (!command.CommandText.Contains(sql) || Interlocked.Increment(ref _seen) != nth)
            return result;
        if (!onItsOwnThread)
            await (_ran = other()).ConfigureAwait(false);
        else
        {
            _ran = Task.Run(other, ct);
            await Task.WhenAny(_ran, Task.Delay(Meanwhile.AtMost, ct)).ConfigureAwait(false);
        }
        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken ct = default
    ) => await ThenAsync(command, result, ct);

    public override async ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken ct = default
    ) => await ThenAsync(command, result, ct);

    // EF's synchronous queries (OidcKeyRing.Load) come here.
    public override DbDataReader ReaderExecuted(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result
    ) => ThenAsync(command, result, default).GetAwaiter().GetResult();
}
