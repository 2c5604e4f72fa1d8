using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Dashboards;

/// <summary>
/// One onglet of a person's dashboard in one établissement (a teacher in two schools has two dashboards).
/// </summary>
public sealed class DashboardTab
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public required string Title { get; set; }
    public int Position { get; set; }

    /// <summary>
    /// Bumped by every change of the tab or its placements: two browser tabs never interleave their writes.
    /// </summary>
    public int Version { get; set; }
    public List<WidgetPlacement> Placements { get; set; } = [];
}

/// <summary>
/// A widget on a grid of <see cref="GridLayout.Columns"/> columns: where, how big, with which settings.
/// </summary>
public sealed class WidgetPlacement : IGridItem
{
    public int Id { get; set; }
    public int TabId { get; set; }
    public DashboardTab? Tab { get; set; }

    /// <summary>The widget's stable key ("news"), never a CLR type name.</summary>
    public required string WidgetKey { get; set; }
    public int X { get; set; }
    public int Y { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string? SettingsJson { get; set; }

    /// <summary>Copied from the default layout: cannot be removed.</summary>
    public bool Mandatory { get; set; }

    /// <summary>Copied from the default layout: cannot be moved, resized or removed.</summary>
    public bool Locked { get; set; }

    /// <summary>
    /// Put aside in the "Rangés" tray because a widget the établissement imposes took its place:
    /// off the grid, kept with its size and settings until the person puts it back or removes it.
    /// </summary>
    public bool Stowed { get; set; }
}

/// <summary>The layout a profile starts from, set by an établissement or, where it has none, by the académie.</summary>
public sealed class DefaultLayout
{
    public int Id { get; set; }

    /// <summary>Null for the académie's default.</summary>
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public Profile Profile { get; set; }
    public int Version { get; set; }
    public List<DefaultPlacement> Placements { get; set; } = [];
}

public sealed class DefaultPlacement : IGridItem
{
    /// <summary>The admin who edits a default layout may move every placement, locked ones included.</summary>
    bool IGridItem.Locked => false;

    public int Id { get; set; }
    public int DefaultLayoutId { get; set; }
    public required string WidgetKey { get; set; }
    public int X { get; set; }
    public int Y { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string? SettingsJson { get; set; }
    public bool Mandatory { get; set; }
    public bool Locked { get; set; }
}
