using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enoe.Tests.Support;

/// <summary>
/// Counts the database round trips (commands) EF sends, and keeps their text for the failure message.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly List<string> _commands = [];
    public int Count
    {
        get
        {
            lock (_commands)
                return _commands.Count;
        }
    }
    public string Log
    {
        get
        {
            lock (_commands)
                return string.Join("\n---\n", _commands);
        }
    }

    /// <summary>The commands' texts, in the order they were sent.</summary>
    public List<string> Texts
    {
        get
        {
            lock (_commands)
                return [.. _commands];
        }
    }

    public void Reset()
    {
        lock (_commands)
            _commands.Clear();
    }

    /// <summary>
    /// The commands <paramref name="act"/> and the events it publishes cost, every subscriber served (open tabs
    /// included): what was queued before is delivered first, uncounted.
    /// </summary>
    public async Task<int> CountAsync(TestDatabase database, Func<Task> act)
    {
        await database.DeliveredAsync();
        Reset();
        await act();
        await database.DeliveredAsync();
        return Count;
    }

    private void Add(DbCommand command)
    {
        lock (_commands)
            _commands.Add(command.CommandText);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken ct = default
    )
    {
        Add(command);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken ct = default
    )
    {
        Add(command);
        return base.ScalarExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken ct = default
    )
    {
        Add(command);
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }
}
