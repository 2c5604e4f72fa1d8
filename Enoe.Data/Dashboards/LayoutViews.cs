namespace Enoe.Data.Dashboards;

public sealed record PlacementView(int Id, string WidgetKey, int X, int Y, int Width, int Height, string? SettingsJson, bool Mandatory, bool Locked)
{
    public static PlacementView From(WidgetPlacement p) => new(p.Id, p.WidgetKey, p.X, p.Y, p.Width, p.Height, p.SettingsJson, p.Mandatory, p.Locked);
}

public sealed record TabView(int Id, string Title, int Position, IReadOnlyList<PlacementView> Placements);

public enum MoveDirection { Left, Right, Up, Down }
