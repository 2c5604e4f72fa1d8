namespace Enoe.Widgets.Common;

/// <summary>Two subscriptions a component disposes as one (an event and the one that may carry it).</summary>
public sealed class BothSubscriptions(IDisposable first, IDisposable second) : IDisposable
{
    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }
}
