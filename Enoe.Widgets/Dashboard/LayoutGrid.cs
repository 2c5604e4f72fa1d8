using Enoe.Data.Dashboards;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Enoe.Widgets.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace Enoe.Widgets.Dashboard;

/// <summary>
/// The dashboard grid, shared by a person's own page and the admins' default-layout editor: one
/// component for the whole grid, each card's chrome rendered as markup (no component per card or
/// per button), dragging and resizing through a small script, and for every drag a keyboard way:
/// one actions menu per card, of which one at most is open on the page (a single state here, not a
/// menu component per card: each live component costs about 4 KB in every open circuit).
/// </summary>
public sealed class LayoutGrid : ComponentBase, IAsyncDisposable
{
    [Inject] private WidgetCatalog Catalog { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<PlacementView> Placements { get; set; } = [];
    [Parameter] public bool Editing { get; set; }
    /// <summary>The default-layout editor: locked placements move too, and their flags can be set.</summary>
    [Parameter] public bool AdminMode { get; set; }
    [Parameter] public IReadOnlySet<int> Collapsed { get; set; } = new HashSet<int>();
    /// <summary>A card's body; without it, cards show the widget's name only (editor, preview).</summary>
    [Parameter] public RenderFragment<(PlacementView Placement, WidgetDescriptor Widget)>? Content { get; set; }
    [Parameter] public EventCallback<LayoutCommand> OnCommand { get; set; }

    private ElementReference _grid;
    private IJSObjectReference? _module, _handle;
    private DotNetObjectReference<LayoutGrid>? _self;
    /// <summary>The placement whose actions menu is open, if any: one menu at a time on the page.</summary>
    private int? _menuFor;
    /// <summary>Where focus goes after the next render: a card's menu button, or the first item of its menu just opened.</summary>
    private (int PlacementId, bool IntoMenu)? _focus;
    /// <summary>
    /// Renders built, and renders the browser has applied (OnAfterRender comes once per render, in order).
    /// Focus waits for a render built after it was asked for: an earlier render acknowledged late (a loaded
    /// machine) would focus the card before the move that follows detaches it and loses the focus again.
    /// </summary>
    private int _built, _applied, _focusFromRender;

    private readonly record struct MenuItem(string Label, LayoutCommand Command, bool Enabled = true);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/dashboard.js");
            _handle = await _module.InvokeAsync<IJSObjectReference>("attach", _grid, _self, GridLayout.MaxHeight);
        }
        // After a move the card may stand elsewhere in the page (Blazor moves its element, which
        // loses focus): keyboard users carry on from the same card's menu button.
        _applied++;
        if (_focus is { } focus && _handle is not null && _applied >= _focusFromRender)
        {
            _focus = null;
            await _handle.InvokeVoidAsync("focus", focus.PlacementId, focus.IntoMenu);
        }
    }

    /// <summary>Called by the drag script. The id comes from the browser: the service checks it against the person's rights.</summary>
    [JSInvokable]
    public Task DropAsync(int placementId, int x, int y) =>
        OnCommand.InvokeAsync(new LayoutCommand(LayoutCommandKind.Move, placementId) { X = x, Y = y });

    /// <summary>Called by the script when the corner handle is let go; the service keeps the size within bounds.</summary>
    [JSInvokable]
    public Task ResizeToAsync(int placementId, int width, int height) =>
        OnCommand.InvokeAsync(new LayoutCommand(LayoutCommandKind.Resize, placementId) { Width = width, Height = height });

    /// <summary>Escape, a click elsewhere or focus leaving the menu closes it (the script has put focus back where it belongs).</summary>
    [JSInvokable]
    public void CloseMenu()
    {
        if (_menuFor is null) return;
        _menuFor = null;
        StateHasChanged();
    }

    private void ToggleMenu(int placementId)
    {
        _menuFor = _menuFor == placementId ? null : placementId;
        FocusAfterNextRender(placementId, _menuFor == placementId);
    }

    private async Task RunAsync(LayoutCommand command, int? focusAfter)
    {
        _menuFor = null;
        await OnCommand.InvokeAsync(command);
        if (focusAfter is int id) FocusAfterNextRender(id, intoMenu: false);
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

    private RenderFragment Card(PlacementView p, WidgetDescriptor d) => builder =>
    {
        var collapsed = Collapsed.Contains(p.Id);
        var movable = Editing && (AdminMode || !p.Locked);
        var menuOpen = _menuFor == p.Id;
        var title = L[d.TitleKey].Value;
        builder.OpenElement(0, "section");
        builder.SetKey(p.Id);
        builder.AddAttribute(1, "class", "enoe-widget" + (collapsed ? " enoe-widget-collapsed" : "") + (menuOpen ? " enoe-widget-menu-open" : ""));
        // The phone's one column orders cards by the widget's phone priority (CSS order, in enoe.css).
        builder.AddAttribute(2, "style", $"grid-column: {CssNumber.Of(p.X + 1)} / span {CssNumber.Of(p.Width)}; grid-row: {CssNumber.Of(p.Y + 1)} / span {CssNumber.Of(collapsed ? 1 : p.Height)}; --enoe-phone-order: {CssNumber.Of(d.PhoneOrder)};");
        builder.AddAttribute(3, "data-placement", p.Id);
        builder.AddAttribute(4, "data-x", p.X);
        builder.AddAttribute(5, "data-y", p.Y);
        builder.AddAttribute(6, "data-w", p.Width);
        builder.AddAttribute(7, "data-h", p.Height);
        builder.AddAttribute(8, "data-min-w", d.MinSize.Width);
        builder.AddAttribute(9, "data-min-h", d.MinSize.Height);
        builder.AddAttribute(10, "data-widget", d.Key);
        builder.AddAttribute(11, "aria-label", title);
        builder.AddAttribute(12, "tabindex", "-1");

        builder.OpenElement(13, "header");
        builder.AddAttribute(14, "class", "enoe-widget-header");
        if (movable)
            builder.AddMarkupContent(15, $"<span class=\"enoe-drag-handle\" title=\"{Encode(DashboardText.Grid_DragHandle)}\" aria-hidden=\"true\">⠿</span>");
        builder.OpenElement(16, "h2");
        builder.AddContent(17, title);
        if (p.Locked)
            builder.AddMarkupContent(18, $" <span class=\"enoe-lock\" title=\"{Encode(DashboardText.Grid_LockedTitle)}\" role=\"img\" aria-label=\"{Encode(DashboardText.Grid_Locked)}\">{Svg(LockIcon)}</span>");
        else if (p.Mandatory)
            builder.AddMarkupContent(19, $" <span class=\"enoe-lock\" title=\"{Encode(DashboardText.Grid_MandatoryTitle)}\" role=\"img\" aria-label=\"{Encode(DashboardText.Grid_Mandatory)}\">{Svg(PinIcon)}</span>");
        builder.CloseElement();

        builder.OpenElement(20, "div");
        builder.AddAttribute(21, "class", "enoe-widget-actions");
        if (!AdminMode)
            builder.AddContent(22, Button(collapsed ? "▸" : "▾", collapsed ? DashboardText.FormatGrid_Expand(title) : DashboardText.FormatGrid_Collapse(title),
                () => OnCommand.InvokeAsync(new LayoutCommand(LayoutCommandKind.ToggleCollapsed, p.Id))));
        if (!Editing && d.FullPageRoute is { } route)
        {
            builder.OpenElement(23, "a");
            builder.AddAttribute(24, "href", route);
            builder.AddAttribute(25, "class", "enoe-icon-button");
            builder.AddAttribute(26, "aria-label", DashboardText.FormatGrid_OpenFullPage(title));
            builder.AddContent(27, "↗");
            builder.CloseElement();
        }
        var items = Editing ? MenuItems(p, d) : [];
        if (items.Count > 0)
        {
            builder.OpenElement(28, "button");
            builder.AddAttribute(29, "type", "button");
            builder.AddAttribute(30, "class", "enoe-icon-button enoe-widget-menu-button");
            builder.AddAttribute(31, "aria-haspopup", "menu");
            builder.AddAttribute(32, "aria-expanded", menuOpen ? "true" : "false");
            if (menuOpen) builder.AddAttribute(33, "aria-controls", MenuId(p));
            builder.AddAttribute(34, "aria-label", DashboardText.FormatGrid_MenuFor(title));
            builder.AddAttribute(35, "title", DashboardText.FormatGrid_MenuFor(title));
            builder.AddAttribute(36, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => ToggleMenu(p.Id)));
            builder.AddMarkupContent(37, Svg(MoreIcon));
            builder.CloseElement();
        }
        builder.CloseElement(); // actions
        if (menuOpen) builder.AddContent(38, Menu(p, title, items));
        builder.CloseElement(); // header

        if (!collapsed)
        {
            builder.OpenElement(40, "div");
            builder.AddAttribute(41, "class", "enoe-widget-body");
            builder.AddAttribute(41, "tabindex", "0"); // a body that scrolls (a long list of marks) must be reachable by keyboard
            if (Content is not null) builder.AddContent(42, Content((p, d)));
            else builder.AddContent(43, Preview);
            builder.CloseElement();
        }
        if (movable && !collapsed)
            builder.AddMarkupContent(44, $"<span class=\"enoe-resize-handle\" title=\"{Encode(DashboardText.Grid_ResizeHandle)}\" aria-hidden=\"true\"></span>");
        builder.CloseElement(); // section
    };

    private RenderFragment Preview => builder =>
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "class", "enoe-widget-empty");
        builder.AddContent(2, DashboardText.Grid_PreviewBody);
        builder.CloseElement();
    };

    /// <summary>The open menu: its items are buttons; arrow keys, Home, End and Escape are handled by the script, Tab goes through them.</summary>
    private RenderFragment Menu(PlacementView p, string title, List<MenuItem> items) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "id", MenuId(p));
        builder.AddAttribute(2, "class", "enoe-widget-menu mud-paper mud-elevation-8");
        builder.AddAttribute(3, "role", "menu");
        builder.AddAttribute(4, "aria-label", DashboardText.FormatGrid_MenuFor(title));
        foreach (var item in items)
        {
            var command = item.Command;
            // After the action, focus comes back to this card's menu button; a removed card hands it to its neighbour.
            var focusAfter = command.Kind == LayoutCommandKind.Remove ? Neighbour(p) : p.Id;
            builder.OpenElement(5, "button");
            builder.AddAttribute(6, "type", "button");
            builder.AddAttribute(7, "role", "menuitem");
            builder.AddAttribute(8, "class", "enoe-widget-menu-item");
            builder.AddAttribute(9, "disabled", !item.Enabled);
            builder.AddAttribute(10, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => RunAsync(command, focusAfter)));
            builder.AddContent(11, item.Label);
            builder.CloseElement();
        }
        builder.CloseElement();
    };

    /// <summary>Every action on a card, enabled where it can do something (the service checks again).</summary>
    private List<MenuItem> MenuItems(PlacementView p, WidgetDescriptor d)
    {
        var items = new List<MenuItem>();
        LayoutCommand Command(LayoutCommandKind kind) => new(kind, p.Id) { Width = p.Width, Height = p.Height };
        if (AdminMode || !p.Locked)
        {
            items.Add(new(DashboardText.Menu_MoveLeft, Command(LayoutCommandKind.MoveBy) with { Direction = MoveDirection.Left }, p.X > 0));
            items.Add(new(DashboardText.Menu_MoveRight, Command(LayoutCommandKind.MoveBy) with { Direction = MoveDirection.Right }, p.X + p.Width < GridLayout.Columns));
            items.Add(new(DashboardText.Menu_MoveUp, Command(LayoutCommandKind.MoveBy) with { Direction = MoveDirection.Up }, p.Y > 0));
            items.Add(new(DashboardText.Menu_MoveDown, Command(LayoutCommandKind.MoveBy) with { Direction = MoveDirection.Down }));
            items.Add(new(DashboardText.Menu_Wider, Command(LayoutCommandKind.Resize) with { Width = p.Width + 1 }, p.Width < GridLayout.Columns));
            items.Add(new(DashboardText.Menu_Narrower, Command(LayoutCommandKind.Resize) with { Width = p.Width - 1 }, p.Width > d.MinSize.Width));
            items.Add(new(DashboardText.Menu_Taller, Command(LayoutCommandKind.Resize) with { Height = p.Height + 1 }, p.Height < GridLayout.MaxHeight));
            items.Add(new(DashboardText.Menu_Shorter, Command(LayoutCommandKind.Resize) with { Height = p.Height - 1 }, p.Height > d.MinSize.Height));
        }
        if (AdminMode)
        {
            items.Add(new(p.Mandatory ? DashboardText.Menu_StopRequiring : DashboardText.Menu_Require,
                Command(LayoutCommandKind.SetFlags) with { Mandatory = !p.Mandatory, Locked = p.Locked && !p.Mandatory }));
            items.Add(new(p.Locked ? DashboardText.Menu_Unlock : DashboardText.Menu_Lock,
                Command(LayoutCommandKind.SetFlags) with { Mandatory = p.Mandatory, Locked = !p.Locked }));
        }
        else if (d.SettingsType is not null)
            items.Add(new(DashboardText.Menu_Settings, Command(LayoutCommandKind.Settings)));
        if (AdminMode || (!p.Locked && !p.Mandatory))
            items.Add(new(DashboardText.Menu_Remove, Command(LayoutCommandKind.Remove)));
        return items;
    }

    /// <summary>The card after this one (else the one before) that still has a menu, to take focus once this one is removed.</summary>
    private int? Neighbour(PlacementView p)
    {
        var index = Placements.ToList().FindIndex(x => x.Id == p.Id);
        return Placements.Skip(index + 1).Concat(Placements.Take(index).Reverse()).FirstOrDefault()?.Id;
    }

    private static string MenuId(PlacementView p) => $"enoe-widget-menu-{p.Id}";

    // MudBlazor's Material icons are SVG path constants: markup from the library, never user text.
    private const string LockIcon = MudBlazor.Icons.Material.Filled.Lock, PinIcon = MudBlazor.Icons.Material.Filled.PushPin;
    private const string MoreIcon = MudBlazor.Icons.Material.Filled.MoreVert;

    private static string Svg(string icon) => $"<svg class=\"enoe-svg\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">{icon}</svg>";

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    private RenderFragment Button(string symbol, string label, Func<Task> onClick) => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "class", "enoe-icon-button");
        builder.AddAttribute(3, "title", label);
        builder.AddAttribute(4, "aria-label", label);
        builder.AddAttribute(5, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, onClick));
        builder.AddContent(6, symbol);
        builder.CloseElement();
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_handle is not null) { await _handle.InvokeVoidAsync("dispose"); await _handle.DisposeAsync(); }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException) { } // the circuit went with the browser tab
        _self?.Dispose();
    }
}
