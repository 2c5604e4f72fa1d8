namespace Enoe.Data.Dashboards;

public interface IGridItem
{
    int X { get; set; }
    int Y { get; set; }
    int Width { get; set; }
    int Height { get; set; }
    bool Locked { get; }
}

/// <summary>
/// Keeps a dashboard's widgets from overlapping: the moved widget goes exactly where it was dropped,
/// locked widgets never move, and the others float up into the first free place in their column —
/// the way gridstack-style dashboards behave.
/// </summary>
public static class GridLayout
{
    public const int Columns = 12;
    public const int MaxHeight = 8;

    /// <summary>Places <paramref name="moved"/> at (x, y) and rearranges the rest. False when a locked widget is in the way.</summary>
    public static bool TryMove<T>(IReadOnlyList<T> items, T moved, int x, int y) where T : class, IGridItem
    {
        var width = Math.Clamp(moved.Width, 1, Columns);
        var height = Math.Clamp(moved.Height, 1, MaxHeight);
        x = Math.Clamp(x, 0, Columns - width);
        y = Math.Max(0, y);
        var locked = items.Where(i => i.Locked && i != moved).ToList();
        if (locked.Any(l => Overlaps(l, x, y, width, height))) return false; // nothing changed

        (moved.X, moved.Y, moved.Width, moved.Height) = (x, y, width, height);

        var placed = new List<T>(locked) { moved };
        foreach (var item in items.Where(i => !i.Locked && i != moved).OrderBy(i => i.Y).ThenBy(i => i.X))
            Drop(item, placed);
        Compact(items);
        return true;
    }

    /// <summary>Floats every unlocked widget up as far as it goes, keeping their order.</summary>
    public static void Compact<T>(IReadOnlyList<T> items) where T : class, IGridItem
    {
        var placed = items.Where(i => i.Locked).ToList();
        foreach (var item in items.Where(i => !i.Locked).OrderBy(i => i.Y).ThenBy(i => i.X))
            Drop(item, placed);
    }

    /// <summary>Where a new widget of this size goes: the first free place, top to bottom, left to right.</summary>
    public static (int X, int Y) FirstFreeSpot<T>(IReadOnlyList<T> items, int width, int height) where T : IGridItem
    {
        width = Math.Clamp(width, 1, Columns);
        for (var y = 0; ; y++)
            for (var x = 0; x + width <= Columns; x++)
                if (!items.Any(i => Overlaps(i, x, y, width, height))) return (x, y);
    }

    private static void Drop<T>(T item, List<T> placed) where T : class, IGridItem
    {
        item.X = Math.Clamp(item.X, 0, Columns - Math.Min(item.Width, Columns));
        var y = 0;
        while (placed.Any(p => Overlaps(p, item.X, y, item.Width, item.Height))) y++;
        item.Y = y;
        placed.Add(item);
    }

    private static bool Overlaps(IGridItem a, int x, int y, int width, int height) =>
        a.X < x + width && x < a.X + a.Width && a.Y < y + height && y < a.Y + a.Height;
}
