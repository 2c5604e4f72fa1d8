using System.Text;
using Enoe.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Statistics;

/// <summary>
/// One figure to add: <paramref name="Count"/> more of <paramref name="Metric"/> in a school on a day.
/// </summary>
public readonly record struct UsageIncrement(int SchoolId, DateOnly Day, string Metric, int Count = 1);

/// <summary>
/// Adds to the daily usage figures as things happen. Services' writes (mémos, carnet, bookings, copies, marks) are
/// counted by <see cref="UsageCountingInterceptor"/> in their own transaction; sign-ins and single sign-on hand-offs,
/// which write nothing else, are counted here.
/// </summary>
public sealed class UsageCounter(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    ILogger<UsageCounter> logger
)
{
    /// <summary>
    /// A successful sign-in (or a move to another établissement): the person counts once a day in the établissement
    /// they work in, under each profile they hold there. <paramref name="schoolId"/>: the one they chose, when they
    /// still belong to it, else their first (as the sign-in cookie does). A figure lost to a busy database is logged,
    /// never a reason to refuse the sign-in.
    /// </summary>
    public async Task SignedInAsync(int personId, int? schoolId, CancellationToken ct = default)
    {
        try
        {
            await CountSignInAsync(personId, schoolId, ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            logger.LogWarning(e, "Sign-in of person {Person} not counted", personId);
        }
    }

    private async Task CountSignInAsync(int personId, int? schoolId, CancellationToken ct)
    {
        var today = Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await db
            .Memberships.Where(m => m.PersonId == personId)
            .OrderBy(m => m.SchoolId == schoolId ? 0 : 1)
            .ThenBy(m => m.SchoolId)
            .Select(m => new
            {
                m.SchoolId,
                m.Profiles,
                m.LastSignInOn,
            })
            .FirstOrDefaultAsync(ct);
        // Read first: the day's second sign-in writes nothing (no write lock taken on SQLite).
        if (membership is null || membership.LastSignInOn >= today)
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The conditional update decides: of two sign-ins at once, exactly one changes the row and counts.
        var first = await db
            .Memberships.Where(m =>
                m.PersonId == personId
                && m.SchoolId == membership.SchoolId
                && (m.LastSignInOn == null || m.LastSignInOn < today)
            )
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastSignInOn, today), ct);
        if (first == 0)
            return;
        await AddAsync(
            db,
            [
                .. UsageMetric
                    .ForSignIn(membership.Profiles)
                    .Select(m => new UsageIncrement(membership.SchoolId, today, m)),
            ],
            ct
        );
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// A single sign-on hand-off to a digital resource by someone working in <paramref name="schoolId"/>: the CAS
    /// server (<see cref="SingleSignOn.CasService.LoginAsync"/>) calls this once it has let the person through.
    /// </summary>
    public async Task HandedOffAsync(int schoolId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await AddAsync(db, [new UsageIncrement(schoolId, Today(clock), UsageMetric.SsoHandOffs)], ct);
    }

    /// <summary>Today in the académie's time (Europe/Paris): the day a figure belongs to.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(SchoolTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// Adds the increments in one statement, in the context's current transaction if it has one. An upsert both
    /// databases run alike: the first event of a day inserts the row, the next ones add to it, and two writers at once
    /// never lose a count (the row's key serializes them).
    /// </summary>
    internal static Task AddAsync(
        EnoeDbContext db,
        IReadOnlyCollection<UsageIncrement> increments,
        CancellationToken ct
    )
    {
        var rows = increments
            .GroupBy(i => (i.SchoolId, i.Day, i.Metric))
            .Select(g => (g.Key.SchoolId, g.Key.Day, g.Key.Metric, Count: g.Sum(i => i.Count)))
            .ToList();
        if (rows.Count == 0)
            return Task.CompletedTask;
        var sql = new StringBuilder("""INSERT INTO "UsageCount" ("SchoolId", "Day", "Metric", "Count") VALUES """);
        var values = new List<object>(rows.Count * 4);
        foreach (var (schoolId, day, metric, count) in rows)
        {
            var n = values.Count;
            sql.Append(values.Count == 0 ? "" : ", ").Append($"({{{n}}}, {{{n + 1}}}, {{{n + 2}}}, {{{n + 3}}})");
            values.AddRange([schoolId, day, metric, count]);
        }
        sql.Append(
            """
             ON CONFLICT ("SchoolId", "Day", "Metric") DO UPDATE SET "Count" = "UsageCount"."Count" + excluded."Count"
            """
        );
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
    }
}
