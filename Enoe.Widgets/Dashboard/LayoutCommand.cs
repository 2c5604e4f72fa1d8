using Enoe.Data.Dashboards;

namespace Enoe.Widgets.Dashboard;

public enum LayoutCommandKind
{
    Move,
    MoveBy,
    Resize,
    Remove,
    Settings,
    ToggleCollapsed,
    SetFlags,
}

/// <summary>
/// What the person asked the grid for; the page that owns the layout carries it out through its service.
/// </summary>
public sealed record LayoutCommand(LayoutCommandKind Kind, int PlacementId)
{
    public int X { get; init; }
    public int Y { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public MoveDirection Direction { get; init; }
    public bool Mandatory { get; init; }
    public bool Locked { get; init; }
}
