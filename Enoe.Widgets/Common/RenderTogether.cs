namespace Enoe.Widgets.Common;

/// <summary>
/// The components of one tab that show the same live state (the unread badge in the header, the Mémos widget on the
/// dashboard): a change re-renders them all in one render batch, one message to the browser and one acknowledgement
/// instead of one per component. A mémo to 2,000 open tabs is then 2,000 batches, not 4,000.
/// </summary>
/// <remarks>
/// Blazor sends one batch per <c>StateHasChanged</c> called from outside a render, but puts into the batch being
/// rendered every component asked to render meanwhile. So <see cref="Refresh"/> re-renders the first view only, and
/// each view calls <see cref="View.Rendering"/> from its markup: the views not yet rendered since the change join
/// the batch under way.
/// </remarks>
public sealed class RenderTogether
{
    private readonly Lock _gate = new();
    private readonly List<View> _views = [];
    private long _change;

    /// <summary>
    /// Adds a component's view: <paramref name="invoke"/> is its <c>InvokeAsync</c>, <paramref name="render"/> its
    /// <c>StateHasChanged</c>. Dispose the view with the component.
    /// </summary>
    public View Add(Func<Action, Task> invoke, Action render)
    {
        var view = new View(this, invoke, render);
        lock (_gate)
        {
            view.Rendered = _change;
            _views.Add(view);
        }
        return view;
    }

    /// <summary>The state changed (on any thread): every view re-renders, in one batch.</summary>
    public void Refresh()
    {
        View? first;
        lock (_gate)
        {
            _change++;
            first = _views.FirstOrDefault();
            first?.Rendered = _change;
        }
        if (first is not null)
            _ = first.RenderAsync();
    }

    /// <summary>
    /// Renders the views not rendered since the change: from inside a render they join its batch; after it (a view
    /// whose markup did not render, or that said nothing), each sends its own.
    /// </summary>
    private void RenderBehind(View? rendering)
    {
        List<View>? behind = null; // every render of every view comes here: no list unless one is behind
        lock (_gate)
        {
            if (rendering is not null)
                rendering.Rendered = _change;
            foreach (var view in _views)
                if (view.Rendered < _change)
                {
                    view.Rendered = _change;
                    (behind ??= []).Add(view);
                }
        }
        foreach (var other in behind ?? [])
            other.Render();
    }

    private void Remove(View view)
    {
        lock (_gate)
            _views.Remove(view);
    }

    public sealed class View(RenderTogether views, Func<Action, Task> invoke, Action render) : IDisposable
    {
        internal long Rendered;

        internal void Render() => render();

        internal async Task RenderAsync()
        {
            try
            {
                await invoke(() =>
                {
                    render();
                    views.RenderBehind(null);
                });
            }
            catch (ObjectDisposedException) { } // the tab closed meanwhile
        }

        /// <summary>
        /// Call it from the component's markup: the views not yet re-rendered since the change follow.
        /// </summary>
        public void Rendering() => views.RenderBehind(this);

        public void Dispose() => views.Remove(this);
    }
}
