using Enoe.Data.Bookings;
using Enoe.Data.Logbook;
using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>Homework changed reaches families when it is due by the next school day, holidays counted.</summary>
public sealed partial class LogbookServiceTests
{
    [Fact]
    public async Task ANewEntrysHomeworkNotices_PointToIt()
    {
        var created = (await Logbook.SaveAsync(As(_f.TeacherA), Draft())).Value!;

        await using var db = _database.NewContext();
        var sources = await db.Set<Notification>()
            .Where(n => n.Kind == NotificationKind.HomeworkSet)
            .Select(n => n.Source)
            .Distinct()
            .ToListAsync();
        // Not the id before the entry was saved: each entry's line opens it, and replaces only its own in a feed.
        Assert.Equal([LogbookService.Source(created.Id)], sources);
    }

    [Fact]
    public async Task HomeworkChanged_BeforeTheHolidays_ForTheFirstDayBack_IsNotified_ButNotLaterOnes()
    {
        var friday = new DateOnly(2026, 12, 18);
        _database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero));
        await using (var db = _database.NewContext())
        {
            db.Add(
                new HolidayPeriod
                {
                    Name = "Vacances de Noël",
                    From = new(2026, 12, 19),
                    To = new(2027, 1, 3),
                }
            );
            await db.SaveChangesAsync();
        }
        async Task<int> ChangedNotices(DateOnly due)
        {
            var draft = Draft();
            (draft.SessionDate, draft.HomeworkDueDate) = (friday, due);
            var created = (await Logbook.SaveAsync(As(_f.TeacherA), draft)).Value!;
            (draft.Id, draft.Version, draft.Homework) = (created.Id, created.Version, "Exercices 8 à 10 p. 53");
            Assert.True((await Logbook.SaveAsync(As(_f.TeacherA), draft)).Succeeded);
            await using var db = _database.NewContext();
            return await db.Set<Notification>()
                .CountAsync(n =>
                    n.Kind == NotificationKind.HomeworkChanged && n.Source == LogbookService.Source(created.Id)
                );
        }

        Assert.True(await ChangedNotices(new(2027, 1, 4)) > 0); // Monday 4 January: the first day back
        Assert.Equal(0, await ChangedNotices(new(2027, 1, 5)));
    }
}
