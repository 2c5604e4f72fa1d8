using Enoe.Data.Structure;

namespace Enoe.Widgets.Common;

/// <summary>
/// What widgets loading together share (<see cref="RecordsMemo"/>: whose records a reader opens, asked once rather
/// than once per learner widget): the widgets of a page, in its request or in a live circuit reading afresh, start
/// loading within a moment of each other. A circuit lasts for hours and rights change meanwhile: a widget loading
/// later (resized, its settings changed) gets a new memo, once the last is spent.
/// </summary>
public sealed class WidgetLoads(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private RecordsMemo? _memo;

    /// <summary>The memo of the load a widget starting now is part of.</summary>
    public RecordsMemo Memo()
    {
        lock (_lock)
            return _memo is { Spent: false } memo ? memo : _memo = new RecordsMemo(clock);
    }
}
