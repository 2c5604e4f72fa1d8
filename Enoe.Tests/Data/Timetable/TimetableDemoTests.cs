using Enoe.Data.People;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.Timetable;

/// <summary>The demo's timetables, and the README's example file against the demo's collège.</summary>
public sealed class TimetableDemoTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private TestDatabase Database => seeded.Database;

    private async Task<CurrentUser> AsAsync(string userName)
    {
        await using var db = Database.NewContext();
        var person = await db
            .Users.Where(p => p.UserName == userName)
            .Select(p => new { p.Id, p.FirstName })
            .SingleAsync();
        var member = await db.Memberships.Where(m => m.PersonId == person.Id).OrderBy(m => m.SchoolId).FirstAsync();
        return new CurrentUser(person.Id, person.FirstName, member.SchoolId, member.Profiles)
        {
            Functions = member.Functions,
        };
    }

    [Fact]
    public async Task EveryClass_HasAWeek_WithAlternatingWeeksSomewhere()
    {
        await using var db = Database.NewContext();
        var classes = await db.Classes.Select(c => c.Id).ToListAsync();
        var withLessons = await db.Set<Lesson>()
            .Where(l => l.SchoolClassId != null)
            .Select(l => l.SchoolClassId!.Value)
            .Distinct()
            .ToListAsync();

        Assert.Equal(classes.Order(), withLessons.Order());
        Assert.Equal(2, await db.Set<Lesson>().CountAsync(l => l.Weeks != WeekPattern.Every));
        Assert.True(await db.Set<Lesson>().CountAsync() > 300);
    }

    [Fact]
    public async Task ThisWeek_LucasHasALessonCancelled_AndEmmaOneInAnotherRoom()
    {
        var timetable = Database.Get<TimetableService>();
        var today = DateOnly.FromDateTime(timetable.Now);

        async Task<List<LessonView>> ChangedAsync(string userName)
        {
            var user = await AsAsync(userName);
            var days = new List<LessonView>();
            for (var week = 0; week < 4; week++)
                days.AddRange(
                    (await timetable.WeekAsync(user, TimetableOf.Mine, today.AddDays(7 * week))).Value!.Days.SelectMany(
                        d => d.Lessons
                    )
                );
            return [.. days.Where(l => l.Status != LessonStatus.AsPlanned)];
        }

        var lucas = Assert.Single(await ChangedAsync("lucas.martin"));
        var emma = Assert.Single(await ChangedAsync("emma.martin"));
        Assert.Equal((LessonStatus.Cancelled, "Professeur absent"), (lucas.Status, lucas.Reason));
        Assert.Equal((LessonStatus.RoomChanged, "CDI"), (emma.Status, emma.Room));
    }

    [Fact]
    public async Task TheExampleFile_IsAValidTimetableOfTheDemosCollege()
    {
        var file = await File.ReadAllBytesAsync(
            Path.Combine(RepositoryPaths.Root, "wwwroot-assets", "examples", "emploi-du-temps-exemple.csv")
        );
        var admin = await AsAsync("admin.victor-hugo");

        var plan = await Database.Get<TimetableImport>().PreviewAsync(admin, file);

        Assert.True(plan.Succeeded, string.Join(" ", plan.Errors));
        Assert.Empty(plan.Value!.Errors);
        Assert.Equal((13, 13), (plan.Value.Lessons, plan.Value.Added + plan.Value.Updated + plan.Value.Unchanged));
    }
}
