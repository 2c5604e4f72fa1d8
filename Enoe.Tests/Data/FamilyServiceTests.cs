using Enoe.Data.Common;
using Enoe.Data.Family;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

public sealed class FamilyServiceTests
{
    [Fact]
    public async Task Summary_CountsEachChildsHomeworkGradesAndMemos_InTheirOwnSchool()
    {
        var counter = new CommandCounter();
        await using var database = await TestDatabase.CreateAsync(configure: s =>
            s.AddSingleton<IInterceptor>(counter)
        );
        var f = await TwoSchools.CreateAsync(database);
        var (childB, classB) = await f.AddAtSchoolBAsync(database);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(now));
        await using (var db = database.NewContext())
        {
            var mathsA = new Subject
            {
                SchoolId = f.A.Id,
                Code = "MATHS",
                Name = "Mathématiques",
            };
            var mathsB = new Subject
            {
                SchoolId = f.B.Id,
                Code = "MATHS",
                Name = "Mathématiques",
            };
            db.AddRange(mathsA, mathsB);
            await db.SaveChangesAsync();
            LogbookEntry Homework(int schoolId, int classId, int subjectId, int inDays, bool deleted = false) =>
                new()
                {
                    SchoolId = schoolId,
                    SchoolClassId = classId,
                    SubjectId = subjectId,
                    SessionDate = today,
                    StartsAt = new(8, 0),
                    EndsAt = new(9, 0),
                    Content = "Séance",
                    Homework = "Exercices",
                    HomeworkDueDate = today.AddDays(inDays),
                    CreatedById = f.TeacherA.Id,
                    UpdatedById = f.TeacherA.Id,
                    CreatedAt = now,
                    UpdatedAt = now,
                    DeletedAt = deleted ? now : null,
                };
            var done = Homework(f.A.Id, f.ClassA.Id, mathsA.Id, 2);
            db.LogbookEntries.AddRange(
                Homework(f.A.Id, f.ClassA.Id, mathsA.Id, 1),
                done,
                Homework(f.A.Id, f.ClassA.Id, mathsA.Id, 30),
                Homework(f.A.Id, f.ClassA.Id, mathsA.Id, 3, deleted: true),
                Homework(f.B.Id, classB.Id, mathsB.Id, 1)
            );
            await db.SaveChangesAsync();
            db.Add(
                new HomeworkDone
                {
                    EntryId = done.Id,
                    StudentId = f.StudentA.Id,
                    DoneAt = now,
                }
            );

            // College-b: one mark published yesterday, one still unpublished, one published a month ago.
            Assessment Test(DateTime? publishedAt) =>
                new()
                {
                    SchoolId = f.B.Id,
                    SchoolClassId = classB.Id,
                    SubjectId = mathsB.Id,
                    TeacherId = f.TeacherA.Id,
                    Title = "Contrôle",
                    Date = today,
                    PublishedAt = publishedAt,
                    ParentsSeeAt = publishedAt,
                    CreatedAt = now,
                };
            var published = Test(now.AddDays(-1));
            var draft = Test(null);
            var old = Test(now.AddDays(-30));
            db.AddRange(published, draft, old);
            await db.SaveChangesAsync();
            foreach (var test in new[] { published, draft, old })
                db.Add(
                    new Grade
                    {
                        AssessmentId = test.Id,
                        StudentId = childB.Id,
                        Kind = GradeKind.Numeric,
                        Value = 12,
                        UpdatedAt = now,
                    }
                );

            // Mémos to the parent: two unread from college-a (one about the other child), one read, one unread from
            // college-b.
            Memo M(int schoolId, int? about = null) =>
                new()
                {
                    SchoolId = schoolId,
                    SenderId = f.StaffA.Id,
                    Subject = "Info",
                    Body = "…",
                    SentAt = now,
                    AboutChildId = about,
                };
            var memos = new[] { M(f.A.Id), M(f.A.Id, about: childB.Id), M(f.A.Id), M(f.B.Id) };
            db.Memos.AddRange(memos);
            await db.SaveChangesAsync();
            db.AddRange(
                new MemoRecipient { MemoId = memos[0].Id, PersonId = f.ParentA.Id },
                new MemoRecipient { MemoId = memos[1].Id, PersonId = f.ParentA.Id },
                new MemoRecipient
                {
                    MemoId = memos[2].Id,
                    PersonId = f.ParentA.Id,
                    ReadAt = now,
                },
                new MemoRecipient { MemoId = memos[3].Id, PersonId = f.ParentA.Id }
            );
            await db.SaveChangesAsync();
        }

        counter.Reset();
        var summary = await database.Get<FamilyService>().SummaryAsync(TwoSchools.As(f.ParentA, f.A));
        Assert.Equal(1, counter.Count); // every child and every count in one round trip

        Assert.Equal(["StudentA Test", "StudentB Test"], summary.Select(s => s.Child.DisplayName));
        var a = summary[0];
        var b = summary[1];
        Assert.Equal(("6eA", f.A.Id), (a.Child.ClassName, a.Child.SchoolId));
        // Done, deleted and far-off homework left out
        Assert.Equal((1, 0, 1), (a.HomeworkDue, a.NewGrades, a.UnreadMemos));
        Assert.Equal((1, 1, 1), (b.HomeworkDue, b.NewGrades, b.UnreadMemos));
    }

    [Fact]
    public async Task Summary_ShowsNothing_ForSomeoneWhoIsNobodysParent_AndNoCount_WhereTheServiceIsOff()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        Assert.Empty(await database.Get<FamilyService>().SummaryAsync(TwoSchools.As(f.TeacherA, f.A)));

        await using (var db = database.NewContext())
            await db.RunOnlyAsync(f.A.Id, EntService.Dashboard, EntService.Memos);
        var child = Assert.Single(await database.Get<FamilyService>().SummaryAsync(TwoSchools.As(f.ParentA, f.A)));
        Assert.Equal((null, null, 0), (child.HomeworkDue, child.NewGrades, child.UnreadMemos));
    }
}
