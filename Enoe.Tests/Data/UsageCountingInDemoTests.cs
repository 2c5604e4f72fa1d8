using Enoe.Data.Assignments;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Statistics;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>
/// Claire Fontaine, in the seeded demo, writes a session, publishes marks, sets a devoir a student hands in: each adds
/// one to its figure at the Collège Victor Hugo today, and only a new event does (edits and re-publishing do not).
/// </summary>
public sealed class UsageCountingInDemoTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private static readonly DateOnly Today = new(2026, 11, 20); // the fake clock's day
    private TestDatabase Database => seeded.Database;

    private Task<int> CountAsync(int schoolId, string metric) =>
        UsageCountingTests.CountAsync(Database, schoolId, Today, metric);

    [Fact]
    public async Task ALogbookEntry_CountsWhenWritten_NotWhenEdited()
    {
        var maths = await ClaireIn4eA.FindAsync(Database.Services);
        var before = await CountAsync(maths.SchoolId, UsageMetric.LogbookEntries);
        var logbook = Database.Get<LogbookService>();
        var draft = new LogbookDraft
        {
            SchoolClassId = maths.ClassId,
            SubjectId = maths.SubjectId,
            SessionDate = Today,
            StartsAt = new(16, 0),
            EndsAt = new(17, 0),
            Content = "Théorème de Pythagore.",
        };

        var written = await logbook.SaveAsync(maths.Teacher, draft);
        Assert.True(written.Succeeded, string.Join(" ", written.Errors));
        var edit = LogbookDraft.From(written.Value!);
        edit.Content = "Théorème de Pythagore, exercices.";
        Assert.True((await logbook.SaveAsync(maths.Teacher, edit)).Succeeded);

        Assert.Equal(before + 1, await CountAsync(maths.SchoolId, UsageMetric.LogbookEntries));
    }

    [Fact]
    public async Task PublishingMarks_CountsOnce_EvenWhenTheHourIsChangedAfterwards()
    {
        var maths = await ClaireIn4eA.FindAsync(Database.Services);
        var before = await CountAsync(maths.SchoolId, UsageMetric.MarksPublished);
        var grades = Database.Get<GradeService>();
        var id = (
            await grades.CreateAsync(
                maths.Teacher,
                new AssessmentDraft
                {
                    SchoolClassId = maths.ClassId,
                    SubjectId = maths.SubjectId,
                    Title = "Statistiques d'utilisation",
                    Date = Today,
                }
            )
        ).Value;
        Assert.Equal(before, await CountAsync(maths.SchoolId, UsageMetric.MarksPublished)); // not published yet

        Assert.True((await grades.PublishAsync(maths.Teacher, id, true)).Succeeded);
        var evening = Database.Clock.GetUtcNow().UtcDateTime.AddHours(8);
        Assert.True((await grades.PublishAsync(maths.Teacher, id, true, evening)).Succeeded);

        Assert.Equal(before + 1, await CountAsync(maths.SchoolId, UsageMetric.MarksPublished));
    }

    [Fact]
    public async Task HandingInACopy_CountsEachHandIn_InTheDevoirsSchool()
    {
        var devoir = await DemoDevoir.CreateAsync(Database.Services, "Compté");
        var schoolId = devoir.Teacher.SchoolId!.Value;
        var before = await CountAsync(schoolId, UsageMetric.CopiesHandedIn);
        var assignments = Database.Get<AssignmentService>();

        Assert.True((await assignments.HandInAsync(devoir.Student, devoir.Id, [TestFiles.Pdf()])).Succeeded);
        Assert.True((await assignments.HandInAsync(devoir.Student, devoir.Id, [TestFiles.Pdf("v2.pdf")])).Succeeded);

        Assert.Equal(before + 2, await CountAsync(schoolId, UsageMetric.CopiesHandedIn));
    }
}
