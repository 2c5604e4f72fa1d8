using Enoe.Data.Dashboards;
using Enoe.Widgets.Abstractions;
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
/// per button), drag and drop through a small script, and a button for every drag.
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

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/dashboard.js");
        _handle = await _module.InvokeAsync<IJSObjectReference>("attach", _grid, _self);
    }

    /// <summary>Called by the drag script. The id comes from the browser: the service checks it against the person's rights.</summary>
    [JSInvokable]
    public Task DropAsync(int placementId, int x, int y) =>
        OnCommand.InvokeAsync(new LayoutCommand(LayoutCommandKind.Move, placementId) { X = x, Y = y });

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
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
        var title = L[d.TitleKey].Value;
        builder.OpenElement(0, "section");
        builder.SetKey(p.Id);
        builder.AddAttribute(1, "class", collapsed ? "enoe-widget enoe-widget-collapsed" : "enoe-widget");
        builder.AddAttribute(2, "style", $"grid-column: {p.X + 1} / span {p.Width}; grid-row: {p.Y + 1} / span {(collapsed ? 1 : p.Height)};");
        builder.AddAttribute(3, "data-placement", p.Id);
        builder.AddAttribute(4, "data-x", p.X);
        builder.AddAttribute(5, "data-y", p.Y);
        builder.AddAttribute(6, "data-w", p.Width);
        builder.AddAttribute(7, "data-h", p.Height);
        builder.AddAttribute(8, "data-widget", d.Key);
        builder.AddAttribute(9, "aria-label", title);

        builder.OpenElement(10, "header");
        builder.AddAttribute(11, "class", "enoe-widget-header");
        if (movable)
            builder.AddMarkupContent(12, "<span class=\"enoe-drag-handle\" title=\"Glisser pour déplacer\" aria-hidden=\"true\">⠿</span>");
        builder.OpenElement(13, "h2");
        builder.AddContent(14, title);
        if (p.Locked) builder.AddMarkupContent(15, $" <span class=\"enoe-lock\" title=\"Imposé et verrouillé par l'établissement\" role=\"img\" aria-label=\"verrouillé\">{Svg(LockIcon)}</span>");
        else if (p.Mandatory) builder.AddMarkupContent(16, $" <span class=\"enoe-lock\" title=\"Imposé par l'établissement\" role=\"img\" aria-label=\"imposé\">{Svg(PinIcon)}</span>");
        builder.CloseElement();

        builder.OpenElement(17, "div");
        builder.AddAttribute(18, "class", "enoe-widget-actions");
        if (movable)
        {
            builder.AddContent(19, Button("←", $"Déplacer {title} vers la gauche", Command(LayoutCommandKind.MoveBy, p) with { Direction = MoveDirection.Left }));
            builder.AddContent(20, Button("→", $"Déplacer {title} vers la droite", Command(LayoutCommandKind.MoveBy, p) with { Direction = MoveDirection.Right }));
            builder.AddContent(21, Button("↑", $"Déplacer {title} vers le haut", Command(LayoutCommandKind.MoveBy, p) with { Direction = MoveDirection.Up }));
            builder.AddContent(22, Button("↓", $"Déplacer {title} vers le bas", Command(LayoutCommandKind.MoveBy, p) with { Direction = MoveDirection.Down }));
            builder.AddContent(23, Button("⇤", $"Rétrécir {title}", Command(LayoutCommandKind.Resize, p) with { Width = p.Width - 1 }));
            builder.AddContent(24, Button("⇥", $"Élargir {title}", Command(LayoutCommandKind.Resize, p) with { Width = p.Width + 1 }));
            builder.AddContent(25, Button("⤒", $"Réduire la hauteur de {title}", Command(LayoutCommandKind.Resize, p) with { Height = p.Height - 1 }));
            builder.AddContent(26, Button("⤓", $"Augmenter la hauteur de {title}", Command(LayoutCommandKind.Resize, p) with { Height = p.Height + 1 }));
        }
        if (Editing && AdminMode)
        {
            builder.AddContent(27, Button(new MarkupString(Svg(p.Mandatory ? PinIcon : PinOffIcon)), p.Mandatory ? $"Ne plus imposer {title}" : $"Imposer {title}",
                Command(LayoutCommandKind.SetFlags, p) with { Mandatory = !p.Mandatory, Locked = p.Locked && !p.Mandatory }));
            builder.AddContent(28, Button(new MarkupString(Svg(p.Locked ? LockIcon : LockOpenIcon)), p.Locked ? $"Déverrouiller {title}" : $"Verrouiller {title}",
                Command(LayoutCommandKind.SetFlags, p) with { Mandatory = p.Mandatory, Locked = !p.Locked }));
        }
        if (Editing && !AdminMode && d.SettingsType is not null)
            builder.AddContent(29, Button("⚙", $"Réglages de {title}", Command(LayoutCommandKind.Settings, p)));
        if (Editing && (AdminMode || (!p.Locked && !p.Mandatory)))
            builder.AddContent(30, Button("✕", $"Retirer {title}", Command(LayoutCommandKind.Remove, p)));
        if (!AdminMode)
            builder.AddContent(31, Button(collapsed ? "▸" : "▾", collapsed ? $"Déplier {title}" : $"Replier {title}", Command(LayoutCommandKind.ToggleCollapsed, p)));
        if (!Editing && d.FullPageRoute is { } route)
        {
            builder.OpenElement(32, "a");
            builder.AddAttribute(33, "href", route);
            builder.AddAttribute(34, "class", "enoe-icon-button");
            builder.AddAttribute(35, "aria-label", $"Ouvrir {title} en pleine page");
            builder.AddContent(36, "↗");
            builder.CloseElement();
        }
        builder.CloseElement(); // actions
        builder.CloseElement(); // header

        if (!collapsed)
        {
            builder.OpenElement(40, "div");
            builder.AddAttribute(41, "class", "enoe-widget-body");
            builder.AddAttribute(41, "tabindex", "0"); // a body that scrolls (a long list of marks) must be reachable by keyboard
            if (Content is not null) builder.AddContent(42, Content((p, d)));
            else builder.AddMarkupContent(43, "<p class=\"enoe-widget-empty\">Aperçu de la disposition : le contenu dépend de chaque personne.</p>");
            builder.CloseElement();
        }
        builder.CloseElement(); // section
    };

    // MudBlazor's Material icons are SVG path constants: markup from the library, never user text.
    private const string LockIcon = MudBlazor.Icons.Material.Filled.Lock, LockOpenIcon = MudBlazor.Icons.Material.Outlined.LockOpen;
    private const string PinIcon = MudBlazor.Icons.Material.Filled.PushPin, PinOffIcon = MudBlazor.Icons.Material.Outlined.PushPin;

    private static string Svg(string icon) => $"<svg class=\"enoe-svg\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">{icon}</svg>";

    private static LayoutCommand Command(LayoutCommandKind kind, PlacementView p) => new(kind, p.Id) { Width = p.Width, Height = p.Height };

    private RenderFragment Button(string symbol, string label, LayoutCommand command) => Button(new MarkupString(System.Net.WebUtility.HtmlEncode(symbol)), label, command);

    private RenderFragment Button(MarkupString symbol, string label, LayoutCommand command) => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "class", "enoe-icon-button");
        builder.AddAttribute(3, "title", label);
        builder.AddAttribute(4, "aria-label", label);
        builder.AddAttribute(5, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => OnCommand.InvokeAsync(command)));
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
