using Enoe.Data.Structure;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Abstractions;

/// <summary>
/// Base of every widget: loads its data when its context changes (person, child, size, settings),
/// not each time the dashboard around it re-renders.
/// </summary>
public abstract class WidgetBase : ComponentBase
{
    private WidgetContext? _loadedFor;

    [Parameter, EditorRequired]
    public WidgetContext Context { get; set; } = default!;

    [Inject]
    private PrerenderedValues Prerendered { get; set; } = default!;

    [Inject]
    private WidgetLoads Loads { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (Context == _loadedFor)
            return;
        _loadedFor = Context;
        _loading = true;
        try
        {
            // Loaded with the page's other widgets: whose records they open is asked once for them all. What a change
            // makes it read again, later, asks afresh.
            using (RecordsMemo.Use(Loads.Memo()))
                await LoadAsync();
            // A change heard meanwhile may have come after what this load read: once more, from the database.
            while (_changedWhileLoading)
            {
                _changedWhileLoading = false;
                await LoadAsync();
            }
        }
        finally
        {
            _loading = false;
        }
    }

    private bool _loading,
        _changedWhileLoading;

    /// <summary>
    /// For a live change, on the renderer's thread (inside <c>InvokeAsync</c>): whether the widget's data is there to
    /// change. While it is still loading, the change is noted instead and the widget loads again once done.
    /// </summary>
    protected bool Loaded()
    {
        if (!_loading && _loadedFor is not null)
            return true;
        _changedWhileLoading = true;
        return false;
    }

    /// <summary>Loads the widget's data through its service (one database round trip is the budget).</summary>
    protected abstract Task LoadAsync();

    /// <summary>
    /// What <paramref name="load"/> gives; in the live circuit's first load, what it gave while the page was
    /// prerendered, without loading again (<see cref="PrerenderedValues"/>). <paramref name="name"/> tells a widget's
    /// values apart; the placement tells its copies on the dashboard apart.
    /// </summary>
    protected Task<T> PrerenderedAsync<T>(string name, Func<Task<T>> load) =>
        Prerendered.TakeOrLoadAsync($"widget:{Context.PlacementId}:{name}", () => !RendererInfo.IsInteractive, load);
}
