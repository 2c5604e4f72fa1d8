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

    private static string Layout(IEnumerable<Item> items) => string.Join(" ", items.OrderBy(i => i.Name).Select(i => i.ToString()));

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
        var items = Enumerable.Range(0, 10).Select(i => new Item($"w{i}", random.Next(9), random.Next(10), 1 + random.Next(6), 1 + random.Next(4), locked: i == 3)).ToList();
        GridLayout.Compact(items);
        for (var step = 0; step < 500; step++)
        {
            var moved = items[random.Next(items.Count)];
            if (!moved.Locked) GridLayout.TryMove(items, moved, random.Next(12), random.Next(12));
            foreach (var a in items)
                foreach (var b in items.Where(b => b != a))
                    Assert.False(a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height, $"{a} overlaps {b} at step {step}");
        }
    }
}
