// Published through IEventBus (Events/EventBus.cs). A delivery carries what the tabs show (counts and lines) so that
// a mémo to 2,000 open tabs does not become 2,000 reads of a bell and 2,000 of a feed.
namespace Enoe.Data.Notifications;

/// <summary>
/// Notifications became visible to these people: written and deliverable at once, or held by the quiet window (or
/// the parents' delay) and now released; or some they had were removed (<see cref="Removed"/>). Their bells, feeds
/// and the widgets of those categories update.
/// </summary>
public sealed record NotificationsDelivered(int[] RecipientIds, NotificationCategory[] Categories, bool Held = false)
{
    /// <summary>Each recipient's unread count once these were written (absent: the bell reads it again).</summary>
    public IReadOnlyDictionary<int, int>? Unread { get; init; }

    /// <summary>The lines delivered, as feeds show them, each once (a mémo to 2,000 is one line).</summary>
    public IReadOnlyList<NotificationView>? Lines { get; init; }

    /// <summary>Which of <see cref="Lines"/> each recipient got (absent: their feed reads itself again).</summary>
    public IReadOnlyDictionary<int, int[]>? LinesOf { get; init; }

    /// <summary>
    /// Sources ("absence:…", "assessment:12") whose notifications were deleted, for every recipient that had them: an
    /// absence undone, marks withdrawn. Their people are among <see cref="RecipientIds"/>, with their new counts in
    /// <see cref="Unread"/>; a feed drops the lines about these before adding <see cref="Lines"/>.
    /// </summary>
    public string[]? Removed { get; init; }

    public bool Reaches(int personId) => RecipientIds.Contains(personId);

    public bool Reaches(int personId, NotificationCategory category) =>
        Categories.Contains(category) && RecipientIds.Contains(personId);

    public int? UnreadOf(int personId) => Unread?.TryGetValue(personId, out var count) == true ? count : null;

    /// <summary>
    /// The person's new lines (none when only <see cref="Removed"/> concerns them); null when the feed must read
    /// itself, or the delivery is not theirs.
    /// </summary>
    public IReadOnlyList<NotificationView>? LinesFor(int personId) =>
        Lines is null || LinesOf is null ? null
        : LinesOf.TryGetValue(personId, out var indexes) ? [.. indexes.Select(i => Lines[i])]
        : Removed is null ? null
        : [];
}

/// <summary>The person read notifications (in one tab): their bells in other tabs count again.</summary>
public sealed record NotificationsRead(int PersonId);
