using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// Claire Fontaine teaching mathematics in 4eA at the Collège Victor Hugo, in the seeded demo: where the journeys act
/// as a teacher.
/// </summary>
public sealed record ClaireIn4eA(CurrentUser Teacher, int ClassId, int SubjectId, int SchoolId)
{
    public static async Task<ClaireIn4eA> FindAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var claire = await db.Users.SingleAsync(u => u.UserName == "claire.fontaine");
        var maths = await db
            .TeachingAssignments.Where(a =>
                a.TeacherId == claire.Id
                && a.SchoolClass!.Name == "4eA"
                && a.SchoolClass.School!.Slug == "college-victor-hugo"
            )
            .Select(a => new
            {
                a.SubjectId,
                ClassId = a.SchoolClassId!.Value,
                a.Subject!.SchoolId,
            })
            .SingleAsync();
        return new ClaireIn4eA(
            new CurrentUser(claire.Id, "Claire Fontaine", maths.SchoolId, Profile.Teacher),
            maths.ClassId,
            maths.SubjectId,
            maths.SchoolId
        );
    }

    /// <summary>
    /// A session of hers in 4eA today, lasting the whole day (the widgets' "today" shows it at any hour), saved through
    /// the service; with <paramref name="homework"/>, due <paramref name="dueInDays"/> days later.
    /// </summary>
    public async Task<LogbookEntryView> SaveTodayAsync(
        IServiceProvider services,
        string content,
        string? homework = null,
        int dueInDays = 0
    )
    {
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow));
        await using var scope = services.CreateAsyncScope();
        var draft = new LogbookDraft
        {
            SchoolClassId = ClassId,
            SubjectId = SubjectId,
            SessionDate = today,
            StartsAt = new(0, 5),
            EndsAt = new(23, 55),
            Content = content,
            Homework = homework,
            HomeworkDueDate = homework is null ? null : today.AddDays(dueInDays),
        };
        var saved = await scope.ServiceProvider.GetRequiredService<LogbookService>().SaveAsync(Teacher, draft);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        return saved.Value!;
    }
}
