namespace Enoe.Widgets.Common;

/// <summary>
/// One per tab (scoped): the components that re-render when a live event arrives (the unread badge, the Mémos widget,
/// the bell, the feed). Every view one event changes re-renders in one render batch, one message to the browser and
/// one acknowledgement, instead of one per component: a mémo to 2,000 open tabs is 2,000 batches, not 8,000.
/// </summary>
/// <remarks>
/// Blazor sends one batch per <c>StateHasChanged</c> called from outside a render, but puts into the batch being
/// rendered every component asked to render meanwhile. So a refresh renders one stale view, and each view calls
/// <see cref="View.Rendering"/> from its markup: the stale views not yet rendered join the batch under way. While
/// <see cref="LiveEvents"/> hands an event to the tab's components (<see cref="Hold"/>), refreshes only mark views
/// stale; the end of the handing over renders them.
/// </remarks>
public sealed class RenderTogether
{
    private readonly Lock _gate = new();
    private readonly List<View> _views = [];
    private int _holds;

    /// <summary>
    /// Adds a component's view: <paramref name="invoke"/> is its <c>InvokeAsync</c>, <paramref name="render"/> its
    /// <c>StateHasChanged</c>; <paramref name="showing"/> the shared state it shows, if any (<see cref="Refresh"/>).
    /// Dispose the view with the component.
    /// </summary>
    public View Add(Func<Action, Task> invoke, Action render, object? showing = null)
    {
        var view = new View(this, invoke, render, showing);
        lock (_gate)
            _views.Add(view);
        return view;
    }

    /// <summary>A shared state changed (on any thread): every view showing it re-renders, in one batch.</summary>
    public void Refresh(object showing)
    {
        lock (_gate)
        {
            foreach (var view in _views)
                if (view.Showing == showing)
                    view.Stale = true;
            if (_holds > 0)
                return;
        }
        Flush();
    }

    /// <summary>
    /// An event is being handed to the tab's components: what they refresh meanwhile renders, in one batch, when the
    /// last hold is disposed.
    /// </summary>
    public IDisposable Hold()
    {
        lock (_gate)
            _holds++;
        return new Holding(this);
    }

    private void Release()
    {
        lock (_gate)
            if (--_holds > 0)
                return;
        Flush();
    }

    private void Mark(View view)
    {
        lock (_gate)
        {
            view.Stale = true;
            if (_holds > 0)
                return;
        }
        Flush();
    }

    /// <summary>
    /// Renders the stale views on the tab's dispatcher (every view's <c>InvokeAsync</c> leads there).
    /// </summary>
    private void Flush()
    {
        View? any;
        lock (_gate)
            any = _views.Find(v => v.Stale);
        if (any is not null)
            _ = any.InvokeAsync(RenderStale);
    }

    /// <summary>
    /// On the dispatcher: one stale view renders, the others join its batch from its markup; one whose markup did
    /// not say so (or did not render) sends its own. A view that throws does not keep the others from rendering.
    /// </summary>
    private void RenderStale()
    {
        List<Exception>? failed = null;
        while (NextStale() is { } next)
        {
            try
            {
                next.Render();
            }
            catch (Exception e)
            {
                (failed ??= []).Add(e);
            }
        }
        if (failed is not null)
            throw new AggregateException(failed);
    }

    /// <summary>From a view's markup: the other stale views render in the batch under way.</summary>
    /// <remarks>
    /// One at a time, as <see cref="RenderStale"/> does, rather than gathered in a list: every tab that hears a mémo
    /// comes here with two or three views stale, and made a list for them.
    /// </remarks>
    private void RenderBehind(View rendering)
    {
        lock (_gate)
            rendering.Stale = false;
        while (NextStale() is { } other)
            other.Render();
    }

    private View? NextStale()
    {
        lock (_gate)
        {
            var next = _views.Find(v => v.Stale);
            next?.Stale = false;
            return next;
        }
    }

    private void Remove(View view)
    {
        lock (_gate)
            _views.Remove(view);
    }

    public sealed class View(RenderTogether tab, Func<Action, Task> invoke, Action render, object? showing)
        : IDisposable
    {
        internal bool Stale; // under the tab's lock
        internal object? Showing => showing;

        internal void Render() => render();

        internal async Task InvokeAsync(Action work)
        {
            try
            {
                await invoke(work);
            }
            catch (ObjectDisposedException) { } // the tab closed meanwhile
        }

        /// <summary>
        /// This component's state changed (on any thread): it re-renders, with the tab's other changes.
        /// </summary>
        public void Refresh() => tab.Mark(this);

        /// <summary>
        /// Call it from the component's markup, before the markup reads the state it shows (whoever changes that state
        /// changes it before calling <see cref="Refresh"/>): the views that are stale follow in the same batch.
        /// </summary>
        public void Rendering() => tab.RenderBehind(this);

        public void Dispose() => tab.Remove(this);
    }

    private sealed class Holding(RenderTogether tab) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                tab.Release();
        }
    }
}
