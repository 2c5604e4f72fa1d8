using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Widgets.Common;

namespace Enoe.Widgets.Memos;

public static class MemoEvents
{
    /// <summary>
    /// Calls <paramref name="onChange"/> when a mémo reaches this person, or their unread count moves
    /// (read or filed in another tab). Dispose the result to stop listening.
    /// </summary>
    public static IDisposable SubscribeForPerson(this LiveEvents events, int personId, Func<Task> onChange)
    {
        var sent = events.Subscribe<MemoSent>(e => e.Reaches(personId) ? onChange() : Task.CompletedTask);
        var read = events.Subscribe<MemoRead>(e => e.PersonId == personId ? onChange() : Task.CompletedTask);
        return new Subscriptions(sent, read);
    }
}
