using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enoe.Tests.Support;

/// <summary>
/// Holds every SaveChanges at the database's door until <see cref="Release"/>: a handler fired many times meets
/// itself in flight, as it does on a real server where a save takes time (SQLite's writes would otherwise finish
/// before the next event is dispatched).
/// </summary>
public sealed class HeldSaves : SaveChangesInterceptor
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    /// <summary>How many saves are waiting at the door.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public bool Holding { get; set; }

    public void Release() => _gate.TrySetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken ct = default
    )
    {
        if (Holding)
        {
            Interlocked.Increment(ref _waiting);
            await _gate.Task.WaitAsync(ct);
        }
        return result;
    }
}
