using Enoe.Data.Dashboards;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Enoe.Widgets.Dashboard;

/// <summary>
/// The dashboard grid, shared by a person's own page and the admins' default-layout editor: one
/// component for the whole grid, each card's chrome rendered as markup (no component per card or
/// per button), dragging and resizing through a small script, and for every drag a keyboard way:
/// one actions menu per card, of which one at most is open on the page (a single state here, not a
/// menu component per card: each live component costs about 4 KB in every open circuit).
/// </summary>
public sealed partial class LayoutGrid : ComponentBase, IAsyncDisposable
{
    [Inject]
    private WidgetCatalog Catalog { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<LayoutGrid> Logger { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<PlacementView> Placements { get; set; } = [];

    [Parameter]
    public bool Editing { get; set; }

    /// <summary>The default-layout editor: locked placements move too, and their flags can be set.</summary>
    [Parameter]
    public bool AdminMode { get; set; }

    [Parameter]
    public IReadOnlySet<int> Collapsed { get; set; } = new HashSet<int>();

    /// <summary>A card's body; without it, cards show the widget's name only (editor, preview).</summary>
    [Parameter]
    public RenderFragment<(PlacementView Placement, WidgetDescriptor Widget)>? Content { get; set; }

    [Parameter]
    public EventCallback<LayoutCommand> OnCommand { get; set; }

    private ElementReference _grid;
    private IJSObjectReference? _module,
        _handle;
    private DotNetObjectReference<LayoutGrid>? _self;
    private bool _disposed;

    /// <summary>The placement whose actions menu is open, if any: one menu at a time on the page.</summary>
    private int? _menuFor;

    /// <summary>
    /// Where focus goes after the next render: a card's menu button, or the first item of its menu just opened.
    /// </summary>
    private (int PlacementId, bool IntoMenu)? _focus;

    /// <summary>
    /// Renders built, and renders the browser has applied (OnAfterRender comes once per render, in order).
    /// Focus waits for a render built after it was asked for: an earlier render acknowledged late (a loaded
    /// machine) would focus the card before the move that follows detaches it and loses the focus again.
    /// </summary>
    private int _built,
        _applied,
        _focusFromRender;

    private readonly record struct MenuItem(string Label, LayoutCommand Command, bool Enabled = true);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
            await AttachScriptAsync();
        // After a move the card may stand elsewhere in the page (Blazor moves its element, which
        // loses focus): keyboard users carry on from the same card's menu button.
        _applied++;
        if (_focus is { } focus && _handle is not null && _applied >= _focusFromRender)
        {
            _focus = null;
            await _handle.InvokeVoidAsync("focus", focus.PlacementId, focus.IntoMenu);
        }
    }

    /// <summary>
    /// Dragging and resizing with the mouse. Without the script (blocked, a network blip, too slow to answer) the page
    /// works on without them: every move has its keyboard way in the card's menu, which is the server's.
    /// </summary>
    private async Task AttachScriptAsync()
    {
        _self = DotNetObjectReference.Create(this);
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/dashboard.js");
            // Left while the script loaded (a quick navigation): attaching with this grid's disposed reference would
            // throw and end the circuit (InsideOnlyCircuitJourney's flake, 2026-12-02); what arrived after
            // DisposeAsync ran is taken off here.
            if (!_disposed)
                _handle = await _module.InvokeAsync<IJSObjectReference>("attach", _grid, _self, GridLayout.MaxHeight);
            if (_disposed)
                await DetachAsync();
        }
        catch (Exception e) when (e is JSException or TaskCanceledException or JSDisconnectedException)
        {
            // Thrown from here it would end the circuit, and with it the person's whole page.
            Logger.LogWarning(e, "The dashboard's script did not load: no dragging on this page");
        }
    }

    /// <summary>
    /// Called by the drag script. The id comes from the browser: the service checks it against the person's rights.
    /// </summary>
    [JSInvokable]
    public Task DropAsync(int placementId, int x, int y) =>
        OnCommand.InvokeAsync(new LayoutCommand(LayoutCommandKind.Move, placementId) { X = x, Y = y });

    /// <summary>
    /// Called by the script when the corner handle is let go; the service keeps the size within bounds.
    /// </summary>
    [JSInvokable]
    public Task ResizeToAsync(int placementId, int width, int height) =>
        OnCommand.InvokeAsync(
            new LayoutCommand(LayoutCommandKind.Resize, placementId) { Width = width, Height = height }
        );

    private async Task RunAsync(LayoutCommand command, int? focusAfter)
    {
        _menuFor = null;
        await OnCommand.InvokeAsync(command);
        if (focusAfter is int id)
            FocusAfterNextRender(id, intoMenu: false);
    }

    private void FocusAfterNextRender(int placementId, bool intoMenu)
    {
        _focus = (placementId, intoMenu);
        _focusFromRender = _built + 1;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        _built++;
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", Editing ? "enoe-dashboard-grid enoe-editing" : "enoe-dashboard-grid");
        builder.AddElementReferenceCapture(2, r => _grid = r);
        foreach (var placement in Placements)
            if (Catalog.Get(placement.WidgetKey) is { } widget)
                builder.AddContent(3, Card(placement, widget));
        builder.CloseElement();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await DetachAsync();
        _self?.Dispose();
    }

    /// <summary>Takes the script off the grid; safe to call twice (attaching may finish after disposal).</summary>
    private async Task DetachAsync()
    {
        var (handle, module) = (_handle, _module);
        (_handle, _module) = (null, null);
        try
        {
            if (handle is not null)
            {
                await handle.InvokeVoidAsync("dispose");
                await handle.DisposeAsync();
            }
            if (module is not null)
                await module.DisposeAsync();
        }
        // The circuit went with the browser tab, or the page's script is gone: either way nothing is left attached.
        catch (Exception e) when (e is JSDisconnectedException or JSException or TaskCanceledException) { }
    }
}
