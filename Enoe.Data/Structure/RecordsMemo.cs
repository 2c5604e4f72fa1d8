using Enoe.Data.People;

namespace Enoe.Data.Structure;

/// <summary>
/// Whose records a reader opens as family (themself, or their child, and that student's établissement), resolved
/// once for reads made together: a dashboard's learner widgets each ask <see cref="StudentRecords"/> the same
/// question, and each used to ask the database. The answer is still the database's, checked per reader and student
/// (the key); it is only not asked again within one memo.
/// </summary>
/// <remarks>
/// A memo must not outlive what it may say: it answers for <see cref="Lifetime"/>, about the time a page takes to
/// load, then reads afresh, so a right taken away is seen by the next load (Enoe.Widgets' <c>WidgetLoads</c> hands
/// one to the widgets that start loading together, in a page's request or a live circuit; a later reload, or a timer
/// started by a load, finds it spent). Only the family's answer is kept, which does not depend on the service's
/// right; a member of staff's is checked each time. The services, singletons, find the memo of the flow that calls
/// them (<see cref="Use"/>, an <see cref="AsyncLocal{T}"/>): a call outside such a flow reads the database.
/// </remarks>
public sealed class RecordsMemo(TimeProvider clock)
{
    /// <summary>How long a memo answers after it was made.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private static readonly AsyncLocal<RecordsMemo?> Ambient = new();
    private readonly Dictionary<(int Me, int? Student), Task<Family?>> _family = [];
    private readonly DateTimeOffset _spentAt = clock.GetUtcNow() + Lifetime;

    /// <summary>Whether the memo no longer answers (reads made now go to the database).</summary>
    public bool Spent => clock.GetUtcNow() >= _spentAt;

    /// <summary>The memo of the flow calling, if it began with <see cref="Use"/>.</summary>
    internal static RecordsMemo? Current => Ambient.Value;

    /// <summary>
    /// Makes <paramref name="memo"/> the one the calls awaited in this flow use (null: none), until disposed.
    /// </summary>
    public static IDisposable Use(RecordsMemo? memo)
    {
        var previous = Ambient.Value;
        Ambient.Value = memo;
        return new Restore(previous);
    }

    /// <summary>
    /// What <paramref name="resolve"/> answers for <paramref name="me"/> and <paramref name="student"/> (null: their
    /// own records or their first child's), asked once: readers loading at the same time share the one read.
    /// </summary>
    internal async Task<Family?> FamilyAsync(int me, int? student, Func<Task<Family?>> resolve)
    {
        if (Spent)
            return await resolve();
        Task<Family?> read;
        lock (_family)
            if (!_family.TryGetValue((me, student), out read!))
                _family[(me, student)] = read = resolve();
        try
        {
            return await read;
        }
        catch
        {
            lock (_family) // a failed read is not an answer: the next asks again
                if (_family.TryGetValue((me, student), out var kept) && kept == read)
                    _family.Remove((me, student));
            throw;
        }
    }

    /// <summary>The student, who the reader is to them (student or parent), and the student's établissement.</summary>
    internal sealed record Family(int StudentId, Holder As, int? SchoolId);

    private sealed class Restore(RecordsMemo? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
