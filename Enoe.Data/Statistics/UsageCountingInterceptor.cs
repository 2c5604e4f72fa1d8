using System.Runtime.CompilerServices;
using Enoe.Data.Assignments;
using Enoe.Data.Bookings;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enoe.Data.Statistics;

/// <summary>
/// Counts the services' events as they are saved, without the services knowing: a new mémo, carnet entry, booking or
/// copy handed in, an assessment published. The counts are written in the same transaction as the event: the
/// service's own when it opened one, else one begun here before EF's commands and committed after them. They are
/// written once the save succeeded (a failed save that the caller catches and rolls back to its savepoint counts
/// nothing). Every counted event goes through SaveChanges (none by ExecuteUpdate or bulk SQL; the demo's bulk rows are
/// replaced by <see cref="UsageDemo"/>).
/// </summary>
internal sealed class UsageCountingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>What a save in progress will count, from SavingChanges to SavedChanges, per context.</summary>
    private sealed record Pending(List<Counted> Events, IDbContextTransaction? Owned);

    /// <summary>An event; the school of a copy handed in is its devoir's, read when the counts are written.</summary>
    private readonly record struct Counted(int? SchoolId, int? AssignmentId, string Metric);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        if (eventData.Context is not EnoeDbContext db)
            return result;
        // A save that ended in none of SavedChanges, SaveChangesFailed, SaveChangesCanceled (EF throws a concurrency
        // conflict without them) left its counts here: the next save of this context, another operation's once the
        // pool hands it out again, must not write them.
        await ForgetAsync(db);
        if (Events(db) is { Count: > 0 } events)
        {
            var owned = db.Database.CurrentTransaction is null
                ? await db.Database.BeginTransactionAsync(cancellationToken)
                : null;
            _pending.AddOrUpdate(db, new Pending(events, owned));
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        if (eventData.Context is not EnoeDbContext db || !_pending.TryGetValue(db, out var pending))
            return result;
        _pending.Remove(db);
        await using var owned = pending.Owned;
        var today = UsageCounter.Today(clock);
        var increments = new List<UsageIncrement>(pending.Events.Count);
        foreach (var e in pending.Events)
        {
            var schoolId =
                e.SchoolId
                ?? await db.Set<Assignment>()
                    .Where(a => a.Id == e.AssignmentId)
                    .Select(a => a.SchoolId)
                    .FirstAsync(cancellationToken);
            increments.Add(new UsageIncrement(schoolId, today, e.Metric));
        }
        await UsageCounter.AddAsync(db, increments, cancellationToken);
        if (owned is not null)
            await owned.CommitAsync(cancellationToken);
        return result;
    }

    public override async Task SaveChangesFailedAsync(
        DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default
    ) => await ForgetAsync(eventData.Context);

    public override async Task SaveChangesCanceledAsync(
        DbContextEventData eventData,
        CancellationToken cancellationToken = default
    ) => await ForgetAsync(eventData.Context);

    /// <summary>A save that failed counts nothing; the transaction begun for it ends without its rows.</summary>
    private async Task ForgetAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        _pending.Remove(context);
        if (pending.Owned is { } owned)
            await owned.DisposeAsync(); // rolls back
    }

    // ENOE saves asynchronously; a synchronous save of a counted event would be a mistake to hear about.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is EnoeDbContext db && Events(db).Count > 0)
            throw new InvalidOperationException("Counted events are saved with SaveChangesAsync.");
        return result;
    }

    private static List<Counted> Events(EnoeDbContext db)
    {
        var events = new List<Counted>();
        foreach (var entry in db.ChangeTracker.Entries())
            if (Event(entry) is { } counted)
                events.Add(counted);
        return events;
    }

    private static Counted? Event(EntityEntry entry) =>
        (entry.Entity, entry.State) switch
        {
            (Memo m, EntityState.Added) => new(m.SchoolId, null, UsageMetric.MemosSent),
            (LogbookEntry l, EntityState.Added) => new(l.SchoolId, null, UsageMetric.LogbookEntries),
            (Booking b, EntityState.Added) => new(b.SchoolId, null, UsageMetric.BookingsMade),
            (Submission s, EntityState.Added) => new(
                s.Assignment?.SchoolId,
                s.AssignmentId,
                UsageMetric.CopiesHandedIn
            ),
            (Assessment a, EntityState.Added) when a.PublishedAt is not null => Published(a),
            (Assessment a, EntityState.Modified)
                when a.PublishedAt is not null
                    && entry.Property(nameof(Assessment.PublishedAt)).OriginalValue is null => Published(a),
            _ => null,
        };

    private static Counted Published(Assessment a) => new(a.SchoolId, null, UsageMetric.MarksPublished);
}
