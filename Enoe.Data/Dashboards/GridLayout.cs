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
/// Keeps a dashboard's widgets from overlapping and from leaving holes, the way gridstack and
/// uPortal do: the moved or resized widget is placed first, locked widgets never move, and after
/// every change each other widget floats up as far as it goes, in reading order.
/// </summary>
public static class GridLayout
{
    public const int Columns = 12;
    public const int MaxHeight = 8;

    /// <summary>
    /// Places <paramref name="moved"/> at (x, y) and rearranges the rest. False (nothing changed) when a locked widget
    /// is in the way.
    /// </summary>
    public static bool TryMove<T>(IReadOnlyList<T> items, T moved, int x, int y)
        where T : class, IGridItem
    {
        var width = Math.Clamp(moved.Width, 1, Columns);
        var height = Math.Clamp(moved.Height, 1, MaxHeight);
        x = Math.Clamp(x, 0, Columns - width);
        y = Math.Max(0, y);
        if (items.Any(l => l.Locked && l != moved && Overlaps(l, x, y, width, height)))
            return false;

        (moved.X, moved.Y, moved.Width, moved.Height) = (x, y, width, height);
        // The others make room around the moved widget, then everything floats up: it may rise too,
        // but keeps its place in reading order.
        var placed = new List<T>(items.Where(i => i.Locked && i != moved)) { moved };
        foreach (var item in items.Where(i => !i.Locked && i != moved).OrderBy(i => i.Y).ThenBy(i => i.X))
            Drop(item, placed);
        Compact(items);
        return true;
    }

    /// <summary>
    /// Gives <paramref name="item"/> a new size where it stands. False (nothing changed) when it would cover a locked
    /// widget.
    /// </summary>
    public static bool TryResize<T>(IReadOnlyList<T> items, T item, int width, int height)
        where T : class, IGridItem
    {
        var before = (item.Width, item.Height);
        (item.Width, item.Height) = (Math.Clamp(width, 1, Columns), Math.Clamp(height, 1, MaxHeight));
        if (TryMove(items, item, item.X, item.Y))
            return true;
        (item.Width, item.Height) = before;
        return false;
    }

    /// <summary>
    /// Floats every unlocked widget up as far as it goes, in reading order; overlaps are resolved on the way.
    /// </summary>
    public static void Compact<T>(IReadOnlyList<T> items)
        where T : class, IGridItem
    {
        var placed = items.Where(i => i.Locked).ToList();
        foreach (var item in items.Where(i => !i.Locked).OrderBy(i => i.Y).ThenBy(i => i.X))
            Drop(item, placed);
    }

    /// <summary>
    /// Where one step in <paramref name="direction"/> takes <paramref name="item"/> (the keyboard and
    /// button alternative to dragging). Down goes past the next widget below: one row only would let
    /// that widget float back up above it.
    /// </summary>
    public static (int X, int Y) Step<T>(IReadOnlyList<T> items, T item, MoveDirection direction)
        where T : class, IGridItem =>
        direction switch
        {
            MoveDirection.Left => (item.X - 1, item.Y),
            MoveDirection.Right => (item.X + 1, item.Y),
            MoveDirection.Up => (item.X, item.Y - 1),
            _ => (
                item.X,
                item.Y
                    + items
                        .Where(p =>
                            p != item
                            && p.Y >= item.Y + item.Height
                            && p.X < item.X + item.Width
                            && item.X < p.X + p.Width
                        )
                        .Select(p => p.Y + p.Height - item.Y - item.Height + 1)
                        .DefaultIfEmpty(1)
                        .Min()
            ),
        };

    /// <summary>
    /// True when no two widgets overlap, all stand inside the grid and no unlocked one could float up.
    /// </summary>
    public static bool IsCompact<T>(IReadOnlyList<T> items)
        where T : class, IGridItem =>
        items.All(a =>
            a.X >= 0
            && a.X + a.Width <= Columns
            && a.Y >= 0
            && !items.Any(b => b != a && Overlaps(b, a.X, a.Y, a.Width, a.Height))
            && (a.Locked || a.Y == 0 || items.Any(b => b != a && Overlaps(b, a.X, a.Y - 1, a.Width, a.Height)))
        );

    /// <summary>Where a new widget of this size goes: the first free place, top to bottom, left to right.</summary>
    public static (int X, int Y) FirstFreeSpot<T>(IReadOnlyList<T> items, int width, int height)
        where T : IGridItem
    {
        width = Math.Clamp(width, 1, Columns);
        for (var y = 0; ; y++)
        for (var x = 0; x + width <= Columns; x++)
            if (!items.Any(i => Overlaps(i, x, y, width, height)))
                return (x, y);
    }

    public static bool Overlaps(IGridItem a, IGridItem b) => Overlaps(a, b.X, b.Y, b.Width, b.Height);

    private static void Drop<T>(T item, List<T> placed)
        where T : class, IGridItem
    {
        item.X = Math.Clamp(item.X, 0, Columns - Math.Min(item.Width, Columns));
        var y = 0;
        while (placed.Any(p => Overlaps(p, item.X, y, item.Width, item.Height)))
            y++;
        item.Y = y;
        placed.Add(item);
    }

    private static bool Overlaps(IGridItem a, int x, int y, int width, int height) =>
        a.X < x + width && x < a.X + a.Width && a.Y < y + height && y < a.Y + a.Height;
}
