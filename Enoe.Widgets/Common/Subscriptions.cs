namespace Enoe.Widgets.Common;

/// <summary>Subscriptions a component disposes as one (an event and those that may carry it).</summary>
public sealed class Subscriptions(params IDisposable[] all) : IDisposable
{
    public void Dispose()
    {
        foreach (var subscription in all)
            subscription.Dispose();
    }
}
