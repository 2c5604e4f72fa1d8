// Published through IEventBus (Events/EventBus.cs): ids only, subscribers reload through the service.
namespace Enoe.Data.Memos;

/// <summary>
/// A mémo reached these people (each open circuit looks its own id up, then reloads through the service: a set, since
/// every circuit asks).
/// </summary>
public sealed record MemoSent(int MemoId, IReadOnlySet<int> RecipientIds);

/// <summary>A person read or moved mémos: their unread count may have changed (their other tabs follow).</summary>
public sealed record MemoRead(int PersonId);
