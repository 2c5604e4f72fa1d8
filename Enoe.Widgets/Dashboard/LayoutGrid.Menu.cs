using Enoe.Data.Dashboards;
using Enoe.Widgets.Abstractions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace Enoe.Widgets.Dashboard;

/// <summary>
/// The one actions menu of the page: opened for a card, its items, and where focus goes after an action.
/// </summary>
public sealed partial class LayoutGrid
{
    /// <summary>
    /// Escape, a click elsewhere or focus leaving the menu closes it. On Escape the script has put focus back on
    /// the card's menu button (<paramref name="refocus"/>); it is asked for again after this render, which may
    /// move the card's element in the page (an element moved loses focus).
    /// </summary>
    [JSInvokable]
    public void CloseMenu(bool refocus)
    {
        if (_menuFor is not { } placementId)
            return;
        _menuFor = null;
        if (refocus)
            FocusAfterNextRender(placementId, intoMenu: false);
        StateHasChanged();
    }

    private void ToggleMenu(int placementId)
    {
        _menuFor = _menuFor == placementId ? null : placementId;
        FocusAfterNextRender(placementId, _menuFor == placementId);
    }

    /// <summary>
    /// The open menu: its items are buttons; arrow keys, Home, End and Escape are handled by the script, Tab goes
    /// through them.
    /// </summary>
    private RenderFragment Menu(PlacementView p, string title, List<MenuItem> items) =>
        builder =>
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "id", MenuId(p));
            builder.AddAttribute(2, "class", "enoe-widget-menu mud-paper mud-elevation-8");
            builder.AddAttribute(3, "role", "menu");
            builder.AddAttribute(4, "aria-label", DashboardText.FormatGrid_MenuFor(title));
            foreach (var item in items)
            {
                var command = item.Command;
                // After the action, focus comes back to this card's menu button; a removed card hands it to its
                // neighbour.
                var focusAfter = command.Kind == LayoutCommandKind.Remove ? Neighbour(p) : p.Id;
                builder.OpenElement(5, "button");
                builder.AddAttribute(6, "type", "button");
                builder.AddAttribute(7, "role", "menuitem");
                builder.AddAttribute(8, "class", "enoe-widget-menu-item");
                builder.AddAttribute(9, "disabled", !item.Enabled);
                builder.AddAttribute(
                    10,
                    "onclick",
                    EventCallback.Factory.Create<MouseEventArgs>(this, () => RunAsync(command, focusAfter))
                );
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
            items.Add(
                new(
                    DashboardText.Menu_MoveLeft,
                    Command(LayoutCommandKind.MoveBy) with
                    {
                        Direction = MoveDirection.Left,
                    },
                    p.X > 0
                )
            );
            items.Add(
                new(
                    DashboardText.Menu_MoveRight,
                    Command(LayoutCommandKind.MoveBy) with
                    {
                        Direction = MoveDirection.Right,
                    },
                    p.X + p.Width < GridLayout.Columns
                )
            );
            items.Add(
                new(
                    DashboardText.Menu_MoveUp,
                    Command(LayoutCommandKind.MoveBy) with
                    {
                        Direction = MoveDirection.Up,
                    },
                    p.Y > 0
                )
            );
            items.Add(
                new(
                    DashboardText.Menu_MoveDown,
                    Command(LayoutCommandKind.MoveBy) with
                    {
                        Direction = MoveDirection.Down,
                    }
                )
            );
            items.Add(
                new(
                    DashboardText.Menu_Wider,
                    Command(LayoutCommandKind.Resize) with
                    {
                        Width = p.Width + 1,
                    },
                    p.Width < GridLayout.Columns
                )
            );
            items.Add(
                new(
                    DashboardText.Menu_Narrower,
                    Command(LayoutCommandKind.Resize) with
                    {
                        Width = p.Width - 1,
                    },
                    p.Width > d.MinSize.Width
                )
            );
            items.Add(
                new(
                    DashboardText.Menu_Taller,
                    Command(LayoutCommandKind.Resize) with
                    {
                        Height = p.Height + 1,
                    },
                    p.Height < GridLayout.MaxHeight
                )
            );
            items.Add(
                new(
                    DashboardText.Menu_Shorter,
                    Command(LayoutCommandKind.Resize) with
                    {
                        Height = p.Height - 1,
                    },
                    p.Height > d.MinSize.Height
                )
            );
        }
        if (AdminMode)
        {
            items.Add(
                new(
                    p.Mandatory ? DashboardText.Menu_StopRequiring : DashboardText.Menu_Require,
                    Command(LayoutCommandKind.SetFlags) with
                    {
                        Mandatory = !p.Mandatory,
                        Locked = p.Locked && !p.Mandatory,
                    }
                )
            );
            items.Add(
                new(
                    p.Locked ? DashboardText.Menu_Unlock : DashboardText.Menu_Lock,
                    Command(LayoutCommandKind.SetFlags) with
                    {
                        Mandatory = p.Mandatory,
                        Locked = !p.Locked,
                    }
                )
            );
        }
        else if (d.SettingsType is not null)
            items.Add(new(DashboardText.Menu_Settings, Command(LayoutCommandKind.Settings)));
        if (AdminMode || (!p.Locked && !p.Mandatory))
            items.Add(new(DashboardText.Menu_Remove, Command(LayoutCommandKind.Remove)));
        return items;
    }

    /// <summary>
    /// The card after this one (else the one before) that still has a menu, to take focus once this one is removed.
    /// </summary>
    private int? Neighbour(PlacementView p)
    {
        var index = Placements.ToList().FindIndex(x => x.Id == p.Id);
        return Placements.Skip(index + 1).Concat(Placements.Take(index).Reverse()).FirstOrDefault()?.Id;
    }

    private static string MenuId(PlacementView p) => $"enoe-widget-menu-{p.Id}";
}
