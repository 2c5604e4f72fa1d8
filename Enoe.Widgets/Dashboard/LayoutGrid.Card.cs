using Enoe.Data.Dashboards;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Enoe.Widgets.Dashboard;

/// <summary>
/// A card's chrome as markup: its title bar, state flags, collapse, resize handle and body (no component per card).
/// </summary>
public sealed partial class LayoutGrid
{
    private RenderFragment Card(PlacementView p, WidgetDescriptor d) =>
        builder =>
        {
            var collapsed = Collapsed.Contains(p.Id);
            var movable = Editing && (AdminMode || !p.Locked);
            var menuOpen = _menuFor == p.Id;
            var title = d.Title();
            builder.OpenElement(0, "section");
            builder.SetKey(p.Id);
            builder.AddAttribute(
                1,
                "class",
                "enoe-widget" + (collapsed ? " enoe-widget-collapsed" : "") + (menuOpen ? " enoe-widget-menu-open" : "")
            );
            // The phone's one column orders cards by the widget's phone priority (CSS order, in enoe.css).
            builder.AddAttribute(
                2,
                "style",
                $"grid-column: {CssNumber.Of(p.X + 1)} / span {CssNumber.Of(p.Width)}; "
                    + $"grid-row: {CssNumber.Of(p.Y + 1)} / span {CssNumber.Of(collapsed ? 1 : p.Height)}; "
                    + $"--enoe-phone-order: {CssNumber.Of(d.PhoneOrder)};"
            );
            builder.AddAttribute(3, "data-placement", p.Id);
            builder.AddAttribute(4, "data-widget", d.Key);
            builder.AddAttribute(5, "aria-label", title);
            // What the drag script reads, and a card it can focus after a move: while editing only. Every frame
            // counts here, the cards of an open dashboard being the largest render tree held in each tab.
            if (Editing)
            {
                builder.AddAttribute(6, "data-x", p.X);
                builder.AddAttribute(7, "data-y", p.Y);
                builder.AddAttribute(8, "data-w", p.Width);
                builder.AddAttribute(9, "data-h", p.Height);
                builder.AddAttribute(10, "data-min-w", d.MinSize.Width);
                builder.AddAttribute(11, "data-min-h", d.MinSize.Height);
                builder.AddAttribute(12, "tabindex", "-1");
            }

            builder.OpenElement(13, "header");
            builder.AddAttribute(14, "class", "enoe-widget-header");
            if (movable)
                builder.AddMarkupContent(
                    15,
                    $"<span class=\"enoe-drag-handle\" title=\"{Encode(DashboardText.Grid_DragHandle)}\" "
                        + "aria-hidden=\"true\">⠿</span>"
                );
            builder.OpenElement(16, "h2");
            builder.AddContent(17, title);
            if (p.Locked)
                builder.AddMarkupContent(
                    18,
                    $" <span class=\"enoe-lock\" title=\"{Encode(DashboardText.Grid_LockedTitle)}\" role=\"img\" "
                        + $"aria-label=\"{Encode(DashboardText.Grid_Locked)}\">{Svg(LockIcon)}</span>"
                );
            else if (p.Mandatory)
                builder.AddMarkupContent(
                    19,
                    $" <span class=\"enoe-lock\" title=\"{Encode(DashboardText.Grid_MandatoryTitle)}\" role=\"img\" "
                        + $"aria-label=\"{Encode(DashboardText.Grid_Mandatory)}\">{Svg(PinIcon)}</span>"
                );
            builder.CloseElement();

            builder.OpenElement(20, "div");
            builder.AddAttribute(21, "class", "enoe-widget-actions");
            if (!AdminMode)
            {
                var label = collapsed
                    ? DashboardText.FormatGrid_Expand(title)
                    : DashboardText.FormatGrid_Collapse(title);
                builder.OpenElement(22, "button");
                builder.AddAttribute(23, "type", "button");
                builder.AddAttribute(24, "class", "enoe-icon-button");
                builder.AddAttribute(25, "title", label);
                builder.AddAttribute(26, "aria-label", label);
                builder.AddAttribute(
                    27,
                    "onclick",
                    EventCallback.Factory.Create<MouseEventArgs>(
                        this,
                        () => OnCommand.InvokeAsync(new LayoutCommand(LayoutCommandKind.ToggleCollapsed, p.Id))
                    )
                );
                builder.AddContent(28, collapsed ? "▸" : "▾");
                builder.CloseElement();
            }
            if (!Editing && d.FullPageRoute is { } route)
            {
                builder.OpenElement(29, "a");
                builder.AddAttribute(30, "href", route);
                builder.AddAttribute(31, "class", "enoe-icon-button");
                builder.AddAttribute(32, "aria-label", DashboardText.FormatGrid_OpenFullPage(title));
                builder.AddContent(33, "↗");
                builder.CloseElement();
            }
            var items = Editing ? MenuItems(p, d) : [];
            if (items.Count > 0)
            {
                builder.OpenElement(34, "button");
                builder.AddAttribute(35, "type", "button");
                builder.AddAttribute(36, "class", "enoe-icon-button enoe-widget-menu-button");
                builder.AddAttribute(37, "aria-haspopup", "menu");
                builder.AddAttribute(38, "aria-expanded", menuOpen ? "true" : "false");
                if (menuOpen)
                    builder.AddAttribute(39, "aria-controls", MenuId(p));
                builder.AddAttribute(40, "aria-label", DashboardText.FormatGrid_MenuFor(title));
                builder.AddAttribute(41, "title", DashboardText.FormatGrid_MenuFor(title));
                builder.AddAttribute(
                    42,
                    "onclick",
                    EventCallback.Factory.Create<MouseEventArgs>(this, () => ToggleMenu(p.Id))
                );
                builder.AddMarkupContent(43, Svg(MoreIcon));
                builder.CloseElement();
            }
            builder.CloseElement(); // actions
            if (menuOpen)
                builder.AddContent(44, Menu(p, title, items));
            builder.CloseElement(); // header

            if (!collapsed)
            {
                builder.OpenElement(45, "div");
                builder.AddAttribute(46, "class", "enoe-widget-body");
                // A body that scrolls (a long list of marks) must be reachable by keyboard
                builder.AddAttribute(47, "tabindex", "0");
                if (Content is not null)
                    builder.AddContent(48, Content((p, d)));
                else
                    builder.AddContent(49, Preview);
                builder.CloseElement();
            }
            if (movable && !collapsed)
                builder.AddMarkupContent(
                    50,
                    $"<span class=\"enoe-resize-handle\" title=\"{Encode(DashboardText.Grid_ResizeHandle)}\" "
                        + "aria-hidden=\"true\"></span>"
                );
            builder.CloseElement(); // section
        };

    private RenderFragment Preview =>
        builder =>
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "class", "enoe-widget-empty");
            builder.AddContent(2, DashboardText.Grid_PreviewBody);
            builder.CloseElement();
        };

    // MudBlazor's Material icons are SVG path constants: markup from the library, never user text.
    private const string LockIcon = MudBlazor.Icons.Material.Filled.Lock,
        PinIcon = MudBlazor.Icons.Material.Filled.PushPin;
    private const string MoreIcon = MudBlazor.Icons.Material.Filled.MoreVert;

    private static string Svg(string icon) =>
        $"<svg class=\"enoe-svg\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">{icon}</svg>";

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
