namespace Enoe.Data.Privacy;

/// <summary>
/// Wakes the export worker when someone asks (it also looks every minute, for other instances' asks).
/// </summary>
public sealed class DataExportSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException) { } // already awake
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
