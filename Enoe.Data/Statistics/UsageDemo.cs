using Enoe.Data.Assignments;
using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Demo;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Statistics;

/// <summary>
/// Six weeks of usage figures for the demo's console, after every other step. The services' figures are those of the
/// demo's own rows (mémos by the day they were sent, carnet entries and bookings by the day they were made, copies by
/// the day handed in, assessments by the day published), replacing what the seeding's saves counted on the day it ran;
/// sign-ins are drawn: on a school day about half the students and parents and most of the staff.
/// </summary>
internal sealed class UsageDemo : IDemoStep
{
    public int Order => 1000;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var db = demo.Db;
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(demo.Now));
        var from = today.AddDays(-42);
        var events = new List<(int SchoolId, DateTime At, string Metric)>();
        events.AddRange(
            from m in await db.Set<Memo>().Select(m => new { m.SchoolId, m.SentAt }).ToListAsync(ct)
            select (m.SchoolId, m.SentAt, UsageMetric.MemosSent)
        );
        events.AddRange(
            from l in await db.Set<LogbookEntry>().Select(l => new { l.SchoolId, l.CreatedAt }).ToListAsync(ct)
            select (l.SchoolId, l.CreatedAt, UsageMetric.LogbookEntries)
        );
        events.AddRange(
            from b in await db.Set<Booking>().Select(b => new { b.SchoolId, b.CreatedAt }).ToListAsync(ct)
            select (b.SchoolId, b.CreatedAt, UsageMetric.BookingsMade)
        );
        events.AddRange(
            from s in await db.Set<Submission>()
                .Select(s => new { s.Assignment!.SchoolId, s.SubmittedAt })
                .ToListAsync(ct)
            select (s.SchoolId, s.SubmittedAt, UsageMetric.CopiesHandedIn)
        );
        events.AddRange(
            from a in await db.Set<Assessment>()
                .Where(a => a.PublishedAt != null && a.PublishedAt <= demo.Now)
                .Select(a => new { a.SchoolId, a.PublishedAt })
                .ToListAsync(ct)
            select (a.SchoolId, a.PublishedAt!.Value, UsageMetric.MarksPublished)
        );
        var counts = events
            .Select(e => (e.SchoolId, Day: DateOnly.FromDateTime(SchoolTime.ToLocal(e.At)), e.Metric))
            .Where(e => e.Day >= from && e.Day <= today)
            .Concat(SignIns(demo, from, today))
            .GroupBy(e => e)
            .Select(g => new UsageCount
            {
                SchoolId = g.Key.SchoolId,
                Day = g.Key.Day,
                Metric = g.Key.Metric,
                Count = g.Count(),
            })
            .OrderBy(c => c.SchoolId)
            .ThenBy(c => c.Day)
            .ThenBy(c => c.Metric, StringComparer.Ordinal)
            .ToList();
        await db.Set<UsageCount>().ExecuteDeleteAsync(ct);
        await DemoBulk.InsertAsync(db, counts, ct);
    }

    /// <summary>Each drawn sign-in as one event per metric it adds (a person, then each profile).</summary>
    private static IEnumerable<(int SchoolId, DateOnly Day, string Metric)> SignIns(
        DemoContext demo,
        DateOnly from,
        DateOnly today
    )
    {
        var random = new Random(16);
        foreach (var day in Days(from, today))
        {
            var schoolDay = demo.Calendar.IsSchoolDay(day);
            foreach (var (_, schoolId, profiles, _) in demo.World.Memberships)
            {
                var chance = profiles.HasAny(Profile.Personnel) ? 0.8 : 0.45;
                if (random.NextDouble() >= (schoolDay ? chance : chance / 6))
                    continue;
                foreach (var metric in UsageMetric.ForSignIn(profiles))
                    yield return (schoolId, day, metric);
            }
        }
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
            yield return day;
    }
}
