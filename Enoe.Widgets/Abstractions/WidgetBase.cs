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

    protected override async Task OnParametersSetAsync()
    {
        if (Context == _loadedFor)
            return;
        _loadedFor = Context;
        await LoadAsync();
    }

    /// <summary>Loads the widget's data through its service (one database round trip is the budget).</summary>
    protected abstract Task LoadAsync();
}
