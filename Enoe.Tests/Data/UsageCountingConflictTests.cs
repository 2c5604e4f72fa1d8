using Enoe.Data;
using Enoe.Data.Grades;
using Enoe.Data.Statistics;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// A counted save that fails on a concurrency conflict counts nothing, then or later: its context goes back to the pool
/// and the next operation's save through it must not write the conflict's counts.
/// </summary>
public sealed class UsageCountingConflictTests : TwoSchoolsTest
{
    [Fact]
    public async Task APublicationLostToAConflict_IsNotCountedByTheNextSaveOfItsContext()
    {
        int assessmentId;
        await using (var db = Database.NewContext())
        {
            var assessment = new Assessment
            {
                SchoolId = F.A.Id,
                SchoolClassId = F.ClassA.Id,
                Subject = new Subject
                {
                    SchoolId = F.A.Id,
                    Code = "MATHS",
                    Name = "Mathématiques",
                },
                TeacherId = F.TeacherA.Id,
                Title = "Thalès",
                Date = new DateOnly(2026, 11, 16),
            };
            db.Add(assessment);
            await db.SaveChangesAsync();
            assessmentId = assessment.Id;
        }

        EnoeDbContext conflicted;
        await using (conflicted = Database.NewContext())
        {
            var assessment = await conflicted.Assessments.SingleAsync(a => a.Id == assessmentId);
            await using (var other = Database.NewContext())
                await other.Assessments.Where(a => a.Id == assessmentId).ExecuteDeleteAsync();
            assessment.PublishedAt = Database.Clock.GetUtcNow().UtcDateTime;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => conflicted.SaveChangesAsync());
        }

        // The pool hands its idle contexts out in turn: the others are held until the conflicted one comes back.
        var held = new List<EnoeDbContext>();
        var next = Database.NewContext();
        while (!ReferenceEquals(next, conflicted) && held.Count < 20)
        {
            held.Add(next);
            next = Database.NewContext();
        }
        Assert.Same(conflicted, next);
        next.Academies.Add(new Enoe.Data.Schools.Academy { Name = "Autre" });
        await next.SaveChangesAsync();
        foreach (var context in held.Append(next))
            await context.DisposeAsync();

        await using var read = Database.NewContext();
        Assert.Equal(
            0,
            await read.Set<UsageCount>().Where(c => c.Metric == UsageMetric.MarksPublished).SumAsync(c => c.Count)
        );
    }
}
