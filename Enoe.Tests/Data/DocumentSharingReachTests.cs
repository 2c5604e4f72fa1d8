using Enoe.Data.Common;
using Enoe.Data.Documents;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Document sharing reaches whom a mémo would: a student who rewrote the share list to a class and a group that are
/// not his saved both, and a student of that class downloaded the file.
/// </summary>
public sealed partial class DocumentSharingReachTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _classmate = default!,
        _otherStudent = default!;
    private SchoolClass _classB = default!;
    private TeachingGroup _latin = default!,
        _english = default!;
    private DocumentService Documents => _database.Get<DocumentService>();

    private CurrentUser As(Person p) => TwoSchools.As(p, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        Person Student(string first)
        {
            var p = new Person
            {
                FirstName = first,
                LastName = "Test",
                UserName = first.ToLowerInvariant(),
                NormalizedUserName = first.ToUpperInvariant(),
            };
            p.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = Profile.Student });
            return p;
        }
        (_classmate, _otherStudent) = (Student("Classmate"), Student("OtherStudent"));
        _classB = new SchoolClass
        {
            SchoolId = _f.A.Id,
            LevelId = 1,
            Name = "6eB",
        };
        _latin = new TeachingGroup { SchoolId = _f.A.Id, Name = "Latin" };
        _english = new TeachingGroup { SchoolId = _f.A.Id, Name = "Anglais renforcé" };
        var maths = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        db.AddRange(_classmate, _otherStudent, _classB, _latin, _english, maths);
        db.Enrolments.AddRange(
            new Enrolment { Student = _classmate, SchoolClassId = _f.ClassA.Id },
            new Enrolment { Student = _otherStudent, SchoolClass = _classB }
        );
        db.GroupEnrolments.AddRange(
            new GroupEnrolment { Student = _otherStudent, TeachingGroup = _latin },
            new GroupEnrolment { StudentId = _f.StudentA.Id, TeachingGroup = _english },
            new GroupEnrolment { Student = _classmate, TeachingGroup = _english }
        );
        db.TeachingAssignments.Add(
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                Subject = maths,
                SchoolClassId = _f.ClassA.Id,
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<DocumentView> UploadAsync(Person owner)
    {
        var mine = (await Documents.SpacesAsync(As(owner))).First(s => s.Kind == SpaceKind.Personal);
        Assert.True((await Documents.UploadAsync(As(owner), mine.Id, null, [TestFiles.Pdf("fiche.pdf")])).Succeeded);
        return (await Documents.BrowseAsync(As(owner), mine.Id, null)).Value!.Documents.Single();
    }

    private async Task<int> SharesAsync()
    {
        await using var db = _database.NewContext();
        return await db.Set<DocumentShare>().CountAsync();
    }

    [Fact]
    public async Task AStudent_SharingWithAClassOrGroupNotHis_IsRefused_NothingSaved_AndNobodyThereDownloads()
    {
        var doc = await UploadAsync(_f.StudentA);

        var toClass = await Documents.ShareAsync(As(_f.StudentA), doc.Id, new ShareTarget(SchoolClassId: _classB.Id));
        var toGroup = await Documents.ShareAsync(As(_f.StudentA), doc.Id, new ShareTarget(TeachingGroupId: _latin.Id));

        Assert.Equal(ResultKind.Forbidden, toClass.Kind);
        Assert.Equal(
            "Vous ne pouvez pas partager avec « Classe 6eB » : aucune règle de l'établissement "
                + "ne vous relie à tous ses membres. Rien n'a été partagé.",
            toClass.Errors.Single()
        );
        Assert.Equal(ResultKind.Forbidden, toGroup.Kind);
        Assert.Equal(0, await SharesAsync());
        Assert.Empty(await Documents.SharedWithMeAsync(As(_otherStudent)));
        Assert.Null(await _database.Get<FileStore>().OpenAsync(As(_otherStudent), doc.FileId));
    }

    [Fact]
    public async Task AStudent_SharingWithTheirOwnGroup_FollowsTheClassmatesRule_AndTheRefusalNamesIt()
    {
        var doc = await UploadAsync(_f.StudentA);
        var target = new ShareTarget(TeachingGroupId: _english.Id);

        var refused = await Documents.ShareAsync(As(_f.StudentA), doc.Id, target);
        Assert.Equal(
            "Vous ne pouvez pas partager avec « Groupe Anglais renforcé » : la règle « élèves → élèves de leurs "
                + "classes » est désactivée par l'établissement. Rien n'a été partagé.",
            refused.Errors.Single()
        );
        Assert.Equal(0, await SharesAsync());

        await _database
            .Get<MemoService>()
            .SaveRulesAsync(As(_f.AdminA), MemoRules.Default | MemoRules.StudentsToClassmates);
        Assert.True((await Documents.ShareAsync(As(_f.StudentA), doc.Id, target)).Succeeded);
        Assert.Single(await Documents.SharedWithMeAsync(As(_classmate)));
        Assert.Empty(await Documents.SharedWithMeAsync(As(_otherStudent)));
    }

    [Fact]
    public async Task AllowedShares_StillWork_ForTeachersStudentsAndStaff()
    {
        var fromStudent = await UploadAsync(_f.StudentA);
        Assert.True(
            (
                await Documents.ShareAsync(As(_f.StudentA), fromStudent.Id, new ShareTarget(PersonId: _f.TeacherA.Id))
            ).Succeeded
        );
        var fromTeacher = await UploadAsync(_f.TeacherA);
        Assert.True(
            (
                await Documents.ShareAsync(
                    As(_f.TeacherA),
                    fromTeacher.Id,
                    new ShareTarget(SchoolClassId: _f.ClassA.Id)
                )
            ).Succeeded
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (
                await Documents.ShareAsync(As(_f.TeacherA), fromTeacher.Id, new ShareTarget(SchoolClassId: _classB.Id))
            ).Kind
        );
        var fromStaff = await UploadAsync(_f.StaffA);
        Assert.True(
            (
                await Documents.ShareAsync(As(_f.StaffA), fromStaff.Id, new ShareTarget(TeachingGroupId: _latin.Id))
            ).Succeeded
        );
        Assert.Equal(["fiche.pdf"], (await Documents.SharedWithMeAsync(As(_otherStudent))).Select(d => d.Name));
        Assert.Equal(3, await SharesAsync());
    }

    [Fact]
    public async Task AnEnglishReader_IsToldWhichRuleRefusesTheShare()
    {
        var doc = await UploadAsync(_f.StudentA);
        using var _ = new InEnglish();
        var refused = await Documents.ShareAsync(As(_f.StudentA), doc.Id, new ShareTarget(PersonId: _classmate.Id));
        Assert.Equal(
            "You cannot share with Classmate Test: the school has switched off the rule “students → their classmates”."
                + " Nothing was shared.",
            refused.Errors.Single()
        );
    }
}
