using Enoe.Data.Dashboards;

namespace Enoe.Tests.Data;

public sealed class GridLayoutTests
{
    private sealed class Item(string name, int x, int y, int w, int h, bool locked = false) : IGridItem
    {
        public string Name { get; } = name;
        public int X { get; set; } = x;
        public int Y { get; set; } = y;
        public int Width { get; set; } = w;
        public int Height { get; set; } = h;
        public bool Locked { get; } = locked;

        public override string ToString() => $"{Name}@{X},{Y}";
    }

    private static string Layout(IEnumerable<Item> items) =>
        string.Join(" ", items.OrderBy(i => i.Name).Select(i => i.ToString()));

    [Fact]
    public void DroppingOntoAnotherWidget_PushesItBelow()
    {
        var a = new Item("a", 0, 0, 6, 2);
        var b = new Item("b", 6, 0, 6, 2);
        Assert.True(GridLayout.TryMove([a, b], b, 0, 0));
        Assert.Equal("a@0,2 b@0,0", Layout([a, b]));
    }

    [Fact]
    public void Widgets_FloatUpIntoFreedSpace()
    {
        var a = new Item("a", 0, 0, 12, 2);
        var b = new Item("b", 0, 2, 4, 2);
        Assert.True(GridLayout.TryMove([a, b], a, 0, 5));
        Assert.Equal("a@0,2 b@0,0", Layout([a, b]));
    }

    [Fact]
    public void LockedWidget_NeverMoves_AndCannotBeCovered()
    {
        var locked = new Item("l", 0, 0, 6, 2, locked: true);
        var a = new Item("a", 6, 0, 6, 2);
        Assert.False(GridLayout.TryMove([locked, a], a, 3, 0));
        var b = new Item("b", 6, 2, 6, 2);
        Assert.True(GridLayout.TryMove([locked, a, b], b, 6, 0));
        Assert.Equal("a@6,2 b@6,0 l@0,0", Layout([locked, a, b]));
    }

    [Fact]
    public void Positions_StayInsideTheGrid()
    {
        var a = new Item("a", 0, 0, 4, 2);
        Assert.True(GridLayout.TryMove([a], a, 11, -3));
        Assert.Equal((8, 0), (a.X, a.Y));
    }

    [Fact]
    public void FirstFreeSpot_FillsRowsLeftToRight()
    {
        List<Item> items = [new("a", 0, 0, 4, 2), new("b", 4, 0, 4, 2)];
        Assert.Equal((8, 0), GridLayout.FirstFreeSpot(items, 4, 2));
        Assert.Equal((0, 2), GridLayout.FirstFreeSpot(items, 6, 2));
    }

    [Fact]
    public void NoTwoWidgets_EverOverlap_AfterManyRandomMoves()
    {
        var random = new Random(7);
        var items = Enumerable
            .Range(0, 10)
            .Select(i => new Item(
                $"w{i}",
                random.Next(9),
                random.Next(10),
                1 + random.Next(6),
                1 + random.Next(4),
                locked: i == 3
            ))
            .ToList();
        GridLayout.Compact(items);
        for (var step = 0; step < 500; step++)
        {
            var moved = items[random.Next(items.Count)];
            if (!moved.Locked)
                GridLayout.TryMove(items, moved, random.Next(12), random.Next(12));
            foreach (var a in items)
            foreach (var b in items.Where(b => b != a))
                Assert.False(
                    a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height,
                    $"{a} overlaps {b} at step {step}"
                );
        }
    }

    [Fact]
    public void ShrinkingAWidget_LetsTheOnesBelowFloatUp()
    {
        var a = new Item("a", 0, 0, 6, 4);
        var b = new Item("b", 0, 4, 6, 2);
        var c = new Item("c", 6, 0, 6, 2);
        Assert.True(GridLayout.TryResize([a, b, c], a, 6, 2));
        Assert.Equal("a@0,0 b@0,2 c@6,0", Layout([a, b, c]));
    }

    [Fact]
    public void GrowingOverALockedWidget_IsRefused_AndChangesNothing()
    {
        var locked = new Item("l", 6, 0, 6, 2, locked: true);
        var a = new Item("a", 0, 0, 6, 2);
        Assert.False(GridLayout.TryResize([locked, a], a, 8, 2));
        Assert.Equal((0, 0, 6, 2), (a.X, a.Y, a.Width, a.Height));
    }

    [Fact]
    public void StepDown_GoesPastTheWidgetBelow_SoItDoesNotFloatBackAbove()
    {
        var a = new Item("a", 0, 0, 6, 2);
        var b = new Item("b", 0, 2, 6, 3);
        var (x, y) = GridLayout.Step([a, b], a, MoveDirection.Down);
        Assert.True(GridLayout.TryMove([a, b], a, x, y));
        Assert.Equal("a@0,3 b@0,0", Layout([a, b]));
    }

    [Fact]
    public void Compact_ResolvesOverlaps_AndFillsHoles_AroundLockedWidgets()
    {
        var locked = new Item("l", 4, 3, 4, 2, locked: true);
        var a = new Item("a", 0, 5, 4, 2);
        var b = new Item("b", 0, 5, 4, 2); // on top of a
        var c = new Item("c", 4, 0, 4, 4); // would cover the locked one
        List<Item> items = [locked, a, b, c];
        GridLayout.Compact(items);
        Assert.Equal("a@0,0 b@0,2 c@4,5 l@4,3", Layout(items));
        AssertCompact(items, "after compacting");
    }

    /// <summary>
    /// Gridstack's and uPortal's rule, checked over many random sequences of moves, resizes and
    /// removals: no two widgets overlap, every widget stays inside the 12 columns, no unlocked
    /// widget could float up into a hole, and locked widgets never move.
    /// </summary>
    [Fact]
    public void RandomMovesResizesAndRemovals_NeverLeaveAHoleOrAnOverlap_NorMoveALockedWidget()
    {
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var items = new List<Item>();
            for (var i = 0; i < 3 + random.Next(8); i++)
            {
                var (w, h) = (1 + random.Next(6), 1 + random.Next(4));
                var (x, y) = GridLayout.FirstFreeSpot(items, w, h);
                items.Add(new Item($"w{i}", x, y, w, h, locked: random.Next(5) == 0));
            }
            GridLayout.Compact(items);
            var lockedBefore = Layout(items.Where(i => i.Locked));
            AssertCompact(items, $"seed {seed}, start");
            for (var step = 0; step < 60; step++)
            {
                var item = items[random.Next(items.Count)];
                if (item.Locked)
                    continue;
                var change = random.Next(4) switch
                {
                    0 => Move(items, item, random.Next(-1, 13), random.Next(-1, 12)),
                    1 => Resize(items, item, random.Next(0, 14), random.Next(0, 10)),
                    2 => Step(items, item, (MoveDirection)random.Next(4)),
                    _ => Remove(items, item),
                };
                AssertCompact(items, $"seed {seed}, step {step}: {change}");
                Assert.Equal(lockedBefore, Layout(items.Where(i => i.Locked)));
            }
        }
    }

    private static string Move(List<Item> items, Item item, int x, int y)
    {
        var before = Layout(items);
        if (!GridLayout.TryMove(items, item, x, y))
            Assert.Equal(before, Layout(items)); // refused: nothing moved
        return $"move {item.Name} to {x},{y}";
    }

    private static string Resize(List<Item> items, Item item, int width, int height)
    {
        var before = (Layout(items), item.Width, item.Height);
        if (!GridLayout.TryResize(items, item, width, height))
            Assert.Equal(before, (Layout(items), item.Width, item.Height));
        return $"resize {item.Name} to {width}x{height}";
    }

    private static string Step(List<Item> items, Item item, MoveDirection direction)
    {
        var (x, y) = GridLayout.Step(items, item, direction);
        return Move(items, item, x, y) + $" ({direction})";
    }

    private static string Remove(List<Item> items, Item item)
    {
        if (items.Count > 2)
        {
            items.Remove(item);
            GridLayout.Compact(items);
        }
        return $"remove {item.Name}";
    }

    /// <summary>
    /// Written out here rather than through <see cref="GridLayout.IsCompact"/>, so the rule is checked, not restated.
    /// </summary>
    private static void AssertCompact(List<Item> items, string when)
    {
        var cells = new Dictionary<(int, int), Item>();
        foreach (var item in items)
        {
            Assert.True(
                item.X >= 0 && item.Y >= 0 && item.X + item.Width <= GridLayout.Columns,
                $"{item} leaves the grid {when}"
            );
            for (var x = item.X; x < item.X + item.Width; x++)
            for (var y = item.Y; y < item.Y + item.Height; y++)
                Assert.True(cells.TryAdd((x, y), item), $"{item} overlaps {cells.GetValueOrDefault((x, y))} {when}");
        }
        foreach (var item in items.Where(i => !i.Locked && i.Y > 0))
        {
            var rowAbove = Enumerable.Range(item.X, item.Width).Select(x => cells.GetValueOrDefault((x, item.Y - 1)));
            Assert.True(rowAbove.Any(other => other is not null), $"{item} could float up {when}: {Layout(items)}");
        }
        Assert.True(GridLayout.IsCompact(items), $"IsCompact disagrees {when}");
    }
}
