namespace Enoe.Widgets.Common;

/// <summary>
/// Lets one run of a handler happen at a time. A burst of clicks (a double click, a stuck key, a script) reaches the
/// circuit as many events before the disabled button can be drawn; each would otherwise send its own mémo or booking.
/// While a run is in flight, further triggers are ignored:
/// <code>
/// using var turn = _writing.TryBegin();
/// if (!turn.Started) return;
/// </code>
/// </summary>
public sealed class OneAtATime
{
    private int _running;

    public bool Running => Volatile.Read(ref _running) == 1;

    /// <summary>Starts a run unless one is in flight; disposing the turn ends the run it started.</summary>
    public Turn TryBegin() => new(Interlocked.Exchange(ref _running, 1) == 0 ? this : null);

    public readonly struct Turn(OneAtATime? owner) : IDisposable
    {
        public bool Started => owner is not null;

        public void Dispose()
        {
            if (owner is not null)
                Volatile.Write(ref owner._running, 0);
        }
    }
}
