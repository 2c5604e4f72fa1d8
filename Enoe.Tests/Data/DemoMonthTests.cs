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
public sealed class DemoMonthTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
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
    public async Task EveryClass_HasItsCarnet_WrittenOnlyByItsTeachers_OnSchoolDays_AndNotOverloaded()
    {
        await using var db = Database.NewContext();
        var entries = await db
            .LogbookEntries.Select(e => new
            {
                e.SchoolClassId,
                e.TeachingGroupId,
                e.SubjectId,
                e.UpdatedById,
                e.SessionDate,
                e.Homework,
                e.HomeworkDueDate,
            })
            .ToListAsync();
        var taught = (
            await db
                .TeachingAssignments.Select(t => new
                {
                    t.TeacherId,
                    t.SubjectId,
                    t.SchoolClassId,
                    t.TeachingGroupId,
                })
                .ToListAsync()
        ).ToHashSet();
        Assert.All(
            entries,
            e =>
                Assert.Contains(
                    new
                    {
                        TeacherId = e.UpdatedById,
                        e.SubjectId,
                        e.SchoolClassId,
                        e.TeachingGroupId,
                    },
                    taught
                )
        );
        foreach (var schoolClass in await db.Classes.Select(c => c.Id).ToListAsync())
        {
            Assert.Contains(entries, e => e.SchoolClassId == schoolClass);
            Assert.Contains(entries, e => e.SchoolClassId == schoolClass && e.Homework != null);
        }
        // No lesson at weekends, during the Toussaint holidays or on 11 November; none after today.
        Assert.All(
            entries,
            e =>
                Assert.True(
                    e.SessionDate.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                        && e.SessionDate >= new DateOnly(2026, 11, 2)
                        && e.SessionDate != new DateOnly(2026, 11, 11)
                        && e.SessionDate <= Today,
                    e.SessionDate.ToString()
                )
        );
        Assert.Contains(entries, e => e.HomeworkDueDate > Today);
        // Below the warning threshold (3) for every class on every day: the demo never shouts.
        Assert.All(
            entries
                .Where(e => e.SchoolClassId != null && e.Homework != null)
                .GroupBy(e => (e.SchoolClassId, e.HomeworkDueDate)),
            g => Assert.True(g.Count() <= 2)
        );
    }

    [Fact]
    public async Task Grades_StayWithinTheirScale_WithAbsencesAndExemptionsInSport()
    {
        await using var db = Database.NewContext();
        var grades = await db.Set<Grade>()
            .Select(g => new
            {
                g.Kind,
                g.Value,
                g.Assessment!.Scale,
                Subject = g.Assessment.Subject!.Code,
            })
            .ToListAsync();
        Assert.True(grades.Count > 3000, $"{grades.Count} marks");
        Assert.All(grades.Where(g => g.Kind == GradeKind.Numeric), g => Assert.InRange(g.Value!.Value, 0, g.Scale));
        Assert.All(grades.Where(g => g.Kind != GradeKind.Numeric), g => Assert.Null(g.Value));
        Assert.Contains(grades, g => g.Kind == GradeKind.Absent);
        Assert.All(grades.Where(g => g.Kind == GradeKind.Exempt), g => Assert.Equal("EPS", g.Subject));
        Assert.Contains(grades, g => g.Kind == GradeKind.Exempt);
        Assert.Contains(await db.Assessments.Select(a => a.Scale).Distinct().ToListAsync(), s => s == 10);
    }

    [Fact]
    public async Task Bookings_NeverExceedAResource_OneWaitsForApproval_AndTheComputerRoomIsFreeNextWeek()
    {
        await using var db = Database.NewContext();
        var bookings = await db
            .Bookings.Where(b => b.Status == BookingStatus.Approved || b.Status == BookingStatus.Pending)
            .Select(b => new
            {
                b.ResourceId,
                b.StartsAt,
                b.EndsAt,
                b.Units,
                ResourceUnits = b.Resource!.Units,
            })
            .ToListAsync();
        Assert.True(bookings.Count > 30, $"{bookings.Count} bookings");
        foreach (var b in bookings)
            Assert.True(
                bookings
                    .Where(o => o.ResourceId == b.ResourceId && o.StartsAt < b.EndsAt && o.EndsAt > b.StartsAt)
                    .Sum(o => o.Units) <= b.ResourceUnits
            );
        Assert.True(await db.Bookings.AnyAsync(b => b.SeriesId != null));
        Assert.True(await db.Bookings.AnyAsync(b => b.Status == BookingStatus.Refused));

        var principal = await UserAsync("helene.carpentier");
        var service = Database.Get<BookingService>();
        var pending = Assert.Single(await service.PendingAsync(principal));
        Assert.Equal("Salle polyvalente", pending.Resource);
        Assert.True(
            SchoolTime.ToLocal(pending.StartsAt) > new DateTime(2026, 11, 24, 9, 0, 0),
            "after next Tuesday's first hour, which the booking journey asks for"
        );
        var computerRoom = (await service.ResourcesAsync(principal)).Single(r => r.Name == "Salle informatique B12");
        Assert.Empty(
            await service.CalendarAsync(principal, new(2026, 11, 23), new(2026, 11, 27), resourceId: computerRoom.Id)
        );
        Assert.NotEmpty(
            await service.CalendarAsync(principal, new(2026, 11, 16), new(2026, 11, 20), resourceId: computerRoom.Id)
        );
        Assert.Contains(
            await service.UpcomingAsync(await UserAsync("lucas.martin")),
            b => b.Resource == "CDI – espace de travail"
        );
    }

    [Fact]
    public async Task Devoirs_LucasHasAReturnedSubmissionWithAComment_AndFilesOpenThroughTheFileStore()
    {
        var lucas = await UserAsync("lucas.martin");
        var assignments = Database.Get<AssignmentService>();
        var list = await assignments.ListForLearnerAsync(lucas);
        Assert.Contains(list, a => a.Title == "Problèmes de proportionnalité" && a.Status == SubmissionStatus.Missing);
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

    [Fact]
    public async Task EachSchool_HasNewsOfItsOwn_SignedWithItsAddressPhoneAndEmail()
    {
        await using var db = Database.NewContext();
        var articles = Database.Get<ArticleService>();
        var titles = new List<string>();
        foreach (var school in await db.Schools.ToListAsync())
        {
            Assert.Matches(@"^0\d( \d\d){4}$", school.Phone);
            Assert.Equal($"ce.{school.Uai.ToLowerInvariant()}@ac-besancon.fr", school.Email);
            var news = await articles.GetPublishedAsync(school.Id, ArticleKind.News);
            Assert.True(news.Select(n => n.PublishAt).Distinct().Count() >= 4);
            titles.AddRange(news.Select(n => n.Title));
            var body = (await db.Articles.SingleAsync(a => a.Id == news[0].Id)).BodyMarkdown;
            Assert.Contains(school.Phone!, body);
            Assert.Contains(school.Email!, body);
            var site = await Database.Get<SchoolDirectory>().FindPublicSiteAsync(school.Slug);
            Assert.Equal((school.Phone, school.Email), (site!.Phone, site.Email));
        }
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task TheYear_ComesFromTheClock_ZoneAHolidaysAndThreeTerms()
    {
        var school = (await UserAsync("lucas.martin")).SchoolId;
        var holidays = await Database.Get<BookingService>().HolidaysAsync(school);
        Assert.Contains(
            holidays,
            h =>
                h.Name == "Vacances de la Toussaint"
                && h.From == new DateOnly(2026, 10, 17)
                && h.To == new DateOnly(2026, 11, 1)
        );
        Assert.Contains(
            holidays,
            h =>
                h.Name == "Vacances de Noël" && h.From == new DateOnly(2026, 12, 19) && h.To == new DateOnly(2027, 1, 3)
        );
        Assert.Contains(holidays, h => h.Name == "Vacances d'hiver" && h.From == new DateOnly(2027, 2, 6));
        Assert.Contains(
            holidays,
            h =>
                h.Name == "Pont de l'Ascension"
                && h.From == new DateOnly(2027, 5, 6)
                && h.To == new DateOnly(2027, 5, 9)
        );
        Assert.Contains(holidays, h => h.From == new DateOnly(2026, 11, 11) && h.To == h.From);
        var terms = await Database.Get<GradeService>().TermsAsync(school);
        Assert.Equal(
            [new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 13)],
            terms.Select(t => t.StartsOn)
        );
    }

    private async Task<CurrentUser> UserAsync(string userName)
    {
        await using var db = Database.NewContext();
        var person = await db.Users.SingleAsync(u => u.UserName == userName);
        var membership = await db.Memberships.Where(m => m.PersonId == person.Id).OrderBy(m => m.SchoolId).FirstAsync();
        return new CurrentUser(person.Id, person.DisplayName, membership.SchoolId, membership.Profiles);
    }
}
