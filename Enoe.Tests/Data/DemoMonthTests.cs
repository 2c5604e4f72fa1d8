using Enoe.Data;
using Enoe.Data.Assignments;
using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Documents;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Data.Skills;
using Enoe.Data.Storage;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Enoe.Tests.Data;

/// <summary>
/// The demo's month of school life, read through the real services as each profile would see it.
/// The seeding clock is the test clock: Friday 20 November 2026, 10:00 in Paris.
/// </summary>
public sealed partial class DemoMonthTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private TestDatabase Database => seeded.Database;
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public async Task Lucas_SeesPublishedGradesInSeveralSubjects_NotTheTestStillBeingGraded()
    {
        var lucas = await UserAsync("lucas.martin");
        var report = (await Database.Get<GradeService>().ReportAsync(lucas)).Value!;
        Assert.Equal("Trimestre 1", report.Term!.Name);
        var marked = report.Subjects.Where(s => s.Grades.Any(m => m.Cell != "")).ToList();
        Assert.True(marked.Count >= 3, $"{marked.Count} subjects with marks");
        Assert.NotNull(report.General);
        Assert.Contains(report.Subjects.SelectMany(s => s.Grades), m => m.Coefficient == 2);

        await using var db = Database.NewContext();
        var unpublished = await db
            .Assessments.Where(a =>
                a.SchoolClass!.Name == "4eA"
                && a.SchoolClass.School!.Slug == "college-victor-hugo"
                && a.PublishedAt == null
            )
            .Select(a => a.Id)
            .ToListAsync();
        Assert.NotEmpty(unpublished);
        Assert.DoesNotContain(report.Subjects.SelectMany(s => s.Grades), m => unpublished.Contains(m.AssessmentId));
    }

    [Fact]
    public async Task Sophie_FollowsBothChildren_InTheirTwoSchools()
    {
        var sophie = await UserAsync("sophie.martin");
        var grades = Database.Get<GradeService>();
        var logbook = Database.Get<LogbookService>();
        foreach (var child in new[] { "lucas.martin", "emma.martin" })
        {
            var id = (await UserAsync(child)).PersonId;
            var report = (await grades.ReportAsync(sophie, id)).Value!;
            Assert.True(report.Subjects.Count(s => s.Grades.Any(m => m.Cell != "")) >= 3, child);
            Assert.NotEmpty((await grades.LatestAsync(sophie, id)).Grades);
            Assert.NotEmpty(await logbook.ListAsync(sophie, Today.AddDays(-28), Today, studentId: id));
            Assert.Contains(
                await Database.Get<AssignmentService>().ListForLearnerAsync(sophie, id),
                a => a.Status == SubmissionStatus.Returned
            );
        }
    }

    [Fact]
    public async Task Sophie_HasReadAndUnreadMemos_AndATeachersAnswerInTheThread()
    {
        var sophie = await UserAsync("sophie.martin");
        var memos = Database.Get<MemoService>();
        var inbox = await memos.ListAsync(sophie, MemoFolder.Inbox);
        Assert.Contains(inbox.Items, m => m.Read);
        Assert.Contains(inbox.Items, m => !m.Read);
        Assert.True(await memos.UnreadCountAsync(sophie) >= 2);

        var answer = inbox.Items.Single(m => m.Subject == "Re: Absence de Lucas jeudi");
        var thread = (await memos.ConversationAsync(sophie, answer.Id)).Value!;
        Assert.Equal(["Absence de Lucas jeudi", "Re: Absence de Lucas jeudi"], thread.Select(m => m.Subject));
        Assert.Equal("Lucas Martin", thread[0].AboutChild);
        Assert.Equal(["Sophie Martin", "Claire Fontaine"], thread.Select(m => m.From));
    }

    [Fact]
    public async Task ReadReceipts_LookReal_StudentsHaveReadTheirClassMemos()
    {
        var claire = await UserAsync("claire.fontaine");
        var memos = Database.Get<MemoService>();
        var sent = (await memos.ListAsync(claire, MemoFolder.Sent)).Items.First(m => m.To == "Élèves de 4eA");
        var receipts = (await memos.ReceiptsAsync(claire, sent.Id)).Value!;
        // Lucas, the demo's student, keeps it unread; every other student has read it.
        Assert.Equal(receipts.Total - 1, receipts.Read);
        Assert.Contains(receipts.Readers, r => r.Name == "Lucas Martin" && r.ReadAt is null);
    }

    [Fact]
    public async Task EmmasLycee_HasACarnetForHerClass_WithHomeworkDueNextWeek()
    {
        var emma = await UserAsync("emma.martin");
        var logbook = Database.Get<LogbookService>();
        var entries = await logbook.ListAsync(emma, Today.AddDays(-28), Today);
        Assert.Contains(entries, e => e.Audience == "2ndeA");
        Assert.Contains(entries, e => e.Audience.StartsWith("LV2 espagnol", StringComparison.Ordinal));
        // Lycée hours: the lycée's own slots (whole hours), not the collèges' 55 minutes.
        Assert.All(entries, e => Assert.Equal(0, e.StartsAt.Minute % 15));
        var nextWeek = await logbook.ListAsync(
            emma,
            new DateOnly(2026, 11, 23),
            new DateOnly(2026, 11, 27),
            byDueDate: true
        );
        Assert.NotEmpty(nextWeek);
    }

    [Fact]
    public async Task Devoirs_LucasHasAReturnedSubmissionWithAComment_AndFilesOpenThroughTheFileStore()
    {
        var lucas = await UserAsync("lucas.martin");
        var assignments = Database.Get<AssignmentService>();
        var list = await assignments.ListForLearnerAsync(lucas);
        Assert.Contains(list, a => a is { Title: "Problèmes de proportionnalité", Status: SubmissionStatus.Missing });
        Assert.Contains(list, a => a.DueAt > new DateTime(2026, 11, 23) && a.Status != SubmissionStatus.Returned);
        var returned = list.First(a => a.Status == SubmissionStatus.Returned);
        var detail = (await assignments.GetAsync(lucas, returned.Id)).Value!;
        Assert.NotEmpty(detail.LearnerRow!.Return!.Comment);
        var subject = Assert.Single(detail.Files);

        var files = Database.Get<FileStore>();
        var opened = await files.OpenAsync(lucas, subject.Id);
        Assert.NotNull(opened);
        await using (var content = opened.Value.Content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            using var pdf = PdfDocument.Open(copy.ToArray());
            Assert.Contains(detail.Title.Split(' ')[0], pdf.GetPage(1).Text);
        }
        var submittedFile = detail.LearnerRow.Submissions[0].Files[0];
        Assert.NotNull(await files.OpenAsync(await UserAsync("sophie.martin"), submittedFile.Id));
        Assert.Null(await files.OpenAsync(await UserAsync("emma.martin"), submittedFile.Id));
    }

    [Fact]
    public async Task TheTeacher_HasSubmissionsToGrade_HerOwnDocuments_AndAClassSpaceWithCourseSheets()
    {
        var claire = await UserAsync("claire.fontaine");
        var set = await Database.Get<AssignmentService>().ListSetAsync(claire);
        Assert.Contains(set, a => a.ToReturn > 0);
        var documents = Database.Get<DocumentService>();
        var spaces = await documents.SpacesAsync(claire);
        var own = (
            await documents.BrowseAsync(
                claire,
                spaces.First(s => s.SchoolClassId is null && s.TeachingGroupId is null).Id,
                null
            )
        ).Value!;
        Assert.Equal(["Cours de 4e", "Évaluations"], own.Folders.Select(f => f.Name));
        var lucas = await UserAsync("lucas.martin");
        Assert.Contains(await documents.SharedWithMeAsync(lucas), d => d.Name == "Exercices - fractions.pdf");
        var classSpace = (await documents.SpacesAsync(lucas)).First(s => s.SchoolClassId is not null);
        Assert.Contains(
            (await documents.BrowseAsync(lucas, classSpace.Id, null)).Value!.Folders,
            f => f.Name == "Mathématiques"
        );
    }

    [Fact]
    public async Task Skills_AreAssessedWhereTheSchoolRunsTheBooklet()
    {
        var booklet = (await Database.Get<SkillService>().BookletAsync(await UserAsync("lucas.martin"))).Value!;
        Assert.True(booklet.Domains.SelectMany(d => d.Skills).Count(s => s.Latest is not null) >= 3);
        await using var db = Database.NewContext();
        var lumiere = await db.Schools.SingleAsync(s => s.Slug == "lycee-lumiere");
        Assert.False(await db.Set<SkillDomain>().AnyAsync(d => d.SchoolId == lumiere.Id));
    }

    private async Task<CurrentUser> UserAsync(string userName)
    {
        await using var db = Database.NewContext();
        var person = await db.Users.SingleAsync(u => u.UserName == userName);
        var membership = await db.Memberships.Where(m => m.PersonId == person.Id).OrderBy(m => m.SchoolId).FirstAsync();
        return new CurrentUser(person.Id, person.DisplayName, membership.SchoolId, membership.Profiles);
    }
}
