namespace Enoe.Data.Dashboards;

public sealed record PlacementView(
    int Id,
    string WidgetKey,
    int X,
    int Y,
    int Width,
    int Height,
    string? SettingsJson,
    bool Mandatory,
    bool Locked
)
{
    public static PlacementView From(WidgetPlacement p) =>
        new(p.Id, p.WidgetKey, p.X, p.Y, p.Width, p.Height, p.SettingsJson, p.Mandatory, p.Locked);
}

/// <param name="Placements">The widgets on the grid, in reading order.</param>
/// <param name="Stowed">The "Rangés" tray: widgets an imposed one displaced, waiting to be put back.</param>
public sealed record TabView(
    int Id,
    string Title,
    int Position,
    IReadOnlyList<PlacementView> Placements,
    IReadOnlyList<PlacementView> Stowed
);

public enum MoveDirection
{
    Left,
    Right,
    Up,
    Down,
}
