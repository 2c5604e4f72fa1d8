using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed class MemoServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _classmate = default!,
        _otherStudent = default!,
        _otherParent = default!,
        _otherTeacher = default!;
    private SchoolClass _classB = default!;
    private MemoService Memos => _database.Get<MemoService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        Person P(string first, Profile profile)
        {
            var p = new Person
            {
                FirstName = first,
                LastName = "Test",
                UserName = first.ToLowerInvariant(),
                NormalizedUserName = first.ToUpperInvariant(),
            };
            p.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = profile });
            return p;
        }
        (_classmate, _otherStudent, _otherParent, _otherTeacher) = (
            P("Classmate", Profile.Student),
            P("OtherStudent", Profile.Student),
            P("OtherParent", Profile.Parent),
            P("OtherTeacher", Profile.Teacher)
        );
        _classB = new SchoolClass
        {
            SchoolId = _f.A.Id,
            LevelId = 1,
            Name = "6eB",
        };
        var maths = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        db.AddRange(_classmate, _otherStudent, _otherParent, _otherTeacher, _classB, maths);
        db.Enrolments.AddRange(
            new Enrolment { Student = _classmate, SchoolClassId = _f.ClassA.Id },
            new Enrolment { Student = _otherStudent, SchoolClass = _classB }
        );
        // ParentA has twins in 6eA: StudentA and Classmate.
        db.Guardianships.AddRange(
            new Guardianship { ParentId = _f.ParentA.Id, Student = _classmate },
            new Guardianship { Parent = _otherParent, Student = _otherStudent }
        );
        db.TeachingAssignments.AddRange(
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                Subject = maths,
                SchoolClassId = _f.ClassA.Id,
            },
            new TeachingAssignment
            {
                Teacher = _otherTeacher,
                Subject = maths,
                SchoolClass = _classB,
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private CurrentUser As(Person p) => new(p.Id, p.FirstName, _f.A.Id, Profile.None);

    private static MemoAddress To(Person p) => new(AudienceKind.Person, p.Id, p.FirstName);

    private static MemoDraft Draft(params MemoAddress[] to) =>
        new()
        {
            To = [.. to],
            Subject = "Sortie au musée",
            Body = "Départ à 8 h devant le collège.",
        };

    private async Task<bool> CanWriteAsync(Person from, Person to) =>
        (await Memos.SendAsync(As(from), Draft(To(to)), [])).Succeeded;

    [Fact]
    public async Task RulesMatrix_WithTheDefaultRules()
    {
        Assert.True(await CanWriteAsync(_f.TeacherA, _f.StudentA));
        Assert.True(await CanWriteAsync(_f.TeacherA, _f.ParentA));
        Assert.True(await CanWriteAsync(_f.TeacherA, _otherTeacher)); // colleagues
        Assert.False(await CanWriteAsync(_f.TeacherA, _otherStudent)); // not their student
        Assert.True(await CanWriteAsync(_f.StudentA, _f.TeacherA));
        Assert.True(await CanWriteAsync(_f.StudentA, _f.StaffA));
        Assert.False(await CanWriteAsync(_f.StudentA, _classmate)); // classmates: off by default
        Assert.False(await CanWriteAsync(_f.StudentA, _otherTeacher));
        Assert.True(await CanWriteAsync(_f.ParentA, _f.TeacherA));
        Assert.True(await CanWriteAsync(_f.ParentA, _f.StaffA));
        Assert.False(await CanWriteAsync(_f.ParentA, _otherTeacher));
        Assert.False(await CanWriteAsync(_f.ParentA, _otherParent));
        Assert.True(await CanWriteAsync(_f.StaffA, _otherStudent)); // the staff reach everyone
        Assert.False(await CanWriteAsync(_f.TeacherA, _f.StaffB)); // another établissement
    }

    [Fact]
    public async Task TheAdmin_ChangesTheRules_AndTheServerFollowsThem()
    {
        Assert.Equal(
            ResultKind.Forbidden,
            (await Memos.SaveRulesAsync(As(_f.TeacherA), MemoRules.Default | MemoRules.StudentsToClassmates)).Kind
        );
        Assert.True(
            (await Memos.SaveRulesAsync(As(_f.AdminA), MemoRules.Default | MemoRules.StudentsToClassmates)).Succeeded
        );
        Assert.True(await CanWriteAsync(_f.StudentA, _classmate));
        Assert.False(await CanWriteAsync(_f.StudentA, _otherStudent));

        Assert.True((await Memos.SaveRulesAsync(As(_f.AdminA), MemoRules.None)).Succeeded);
        Assert.False(await CanWriteAsync(_f.StudentA, _f.TeacherA));
        Assert.False(await CanWriteAsync(_f.TeacherA, _f.StudentA));
        Assert.True(await CanWriteAsync(_f.StaffA, _f.StudentA));
    }

    [Fact]
    public async Task OneUnreachableRecipient_RefusesTheWholeMemo_WithAClearMessage()
    {
        var result = await Memos.SendAsync(
            As(_f.StudentA),
            Draft(To(_f.TeacherA), new MemoAddress(AudienceKind.ClassStudents, _f.ClassA.Id, "Élèves de 6eA")),
            []
        );

        Assert.Equal(ResultKind.Forbidden, result.Kind);
        Assert.Equal(
            "Les règles de l'établissement ne vous permettent pas d'écrire à « Élèves de 6eA ». Rien n'a été envoyé.",
            result.Errors[0]
        );
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Memos.CountAsync());
    }

    [Theory]
    [InlineData("", "Corps", true, "Donnez un objet au mémo.")]
    [InlineData("Objet", " ", true, "Le mémo est vide : écrivez votre message.")]
    [InlineData("Objet", "Corps", false, "Choisissez au moins un destinataire.")]
    public async Task BadInput_IsRefusedInFrench_AndNothingIsSent(
        string subject,
        string body,
        bool withRecipient,
        string message
    )
    {
        var draft = new MemoDraft
        {
            Subject = subject,
            Body = body,
            To = withRecipient ? [To(_f.StudentA)] : [],
        };
        var result = await Memos.SendAsync(As(_f.TeacherA), draft, []);
        Assert.Contains(message, result.Errors);
        var disguised = await Memos.SendAsync(
            As(_f.TeacherA),
            Draft(To(_f.StudentA)),
            [TestFiles.DisguisedExe("sujet.pdf")]
        );
        Assert.Equal(ResultKind.Invalid, disguised.Kind);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Memos.CountAsync());
    }

    [Fact]
    public async Task AnAudience_IsExpandedAtSendTime_AParentOfTwoInTheClassGetsOneCopy()
    {
        var told = new List<MemoSent>();
        using var _ = _database
            .Get<IEventBus>()
            .Subscribe<MemoSent>(e =>
            {
                told.Add(e);
                return Task.CompletedTask;
            });
        var sent = await Memos.SendAsync(
            As(_f.TeacherA),
            Draft(new MemoAddress(AudienceKind.ClassParents, _f.ClassA.Id, "Parents de 6eA"), To(_f.ParentA)),
            []
        );

        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        await using var db = _database.NewContext();
        Assert.Equal(
            [_f.ParentA.Id],
            await db.Set<MemoRecipient>().Where(r => r.MemoId == sent.Value).Select(r => r.PersonId).ToListAsync()
        );
        Assert.Equal([_f.ParentA.Id], told.Single().RecipientIds);
        Assert.Equal(1, await Memos.UnreadCountAsync(As(_f.ParentA)));
        Assert.Equal(0, await Memos.UnreadCountAsync(As(_otherParent)));
    }

    [Fact]
    public async Task ReadReceipts_CountPerAudience_AndNameTheReaders()
    {
        var sent = (
            await Memos.SendAsync(
                As(_f.TeacherA),
                Draft(new MemoAddress(AudienceKind.ClassStudents, _f.ClassA.Id, "Élèves de 6eA")),
                []
            )
        ).Value;
        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await Memos.ConversationAsync(As(_f.StudentA), sent)).Succeeded);

        var receipts = (await Memos.ReceiptsAsync(As(_f.TeacherA), sent)).Value!;
        Assert.Equal(new AudienceReceipt("Élèves de 6eA", 1, 2), receipts.Audiences.Single());
        Assert.Equal(
            ("StudentA Test", _database.Clock.GetUtcNow().UtcDateTime),
            (receipts.Readers[0].Name, receipts.Readers[0].ReadAt!.Value)
        );
        Assert.Null(receipts.Readers[1].ReadAt);
        Assert.Equal(ResultKind.Forbidden, (await Memos.ReceiptsAsync(As(_f.StudentA), sent)).Kind);
        Assert.Equal(ResultKind.NotFound, (await Memos.ConversationAsync(As(_otherStudent), sent)).Kind);
    }

    [Fact]
    public async Task TheInbox_IsPagedAndSearchable_NeverLoadedWhole()
    {
        for (var i = 1; i <= 45; i++)
        {
            var draft = Draft(To(_f.StudentA));
            draft.Subject = $"Information n° {i}";
            Assert.True((await Memos.SendAsync(As(_f.StaffA), draft, [])).Succeeded);
            _database.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox);
        var last = await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox, page: 3);
        Assert.Equal((20, 45, 3), (first.Items.Count, first.Total, first.Pages));
        Assert.Equal("Information n° 45", first.Items[0].Subject);
        Assert.Equal(5, last.Items.Count);
        Assert.Equal("Information n° 1", last.Items[^1].Subject);
        Assert.Equal(
            ["Information n° 17"],
            (await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox, "n° 17")).Items.Select(m => m.Subject)
        );
        Assert.Equal(45, (await Memos.ListAsync(As(_f.StaffA), MemoFolder.Sent)).Total);
    }

    [Fact]
    public async Task AReply_GoesBackToTheSender_EvenWhenTheRulesWouldNotLetTheStudentStart()
    {
        await Memos.SaveRulesAsync(As(_f.AdminA), MemoRules.None);
        var question = (await Memos.SendAsync(As(_f.StaffA), Draft(To(_f.StudentA)), [])).Value;

        var reply = await Memos.SendAsync(
            As(_f.StudentA),
            new MemoDraft
            {
                To = [To(_f.StaffA)],
                Subject = "Re: Sortie au musée",
                Body = "Merci !",
                ReplyToId = question,
            },
            []
        );
        var replyAll = await Memos.SendAsync(
            As(_f.StudentA),
            new MemoDraft
            {
                To = [To(_f.StaffA), To(_classmate)],
                Subject = "Re",
                Body = "Merci",
                ReplyToId = question,
            },
            []
        );

        Assert.True(reply.Succeeded, string.Join(" ", reply.Errors));
        Assert.Equal(ResultKind.Forbidden, replyAll.Kind); // the rules still apply to anyone else
        var thread = (await Memos.ConversationAsync(As(_f.StaffA), reply.Value)).Value!;
        Assert.Equal(["Sortie au musée", "Re: Sortie au musée"], thread.Select(m => m.Subject));
    }

    [Fact]
    public async Task Folders_Archive_Bin_AndEmptyingTheBin()
    {
        var id = (await Memos.SendAsync(As(_f.TeacherA), Draft(To(_f.StudentA)), [])).Value;
        var student = As(_f.StudentA);
        Assert.True((await Memos.MoveAsync(student, id, MemoFolder.Archive)).Succeeded);
        Assert.Empty((await Memos.ListAsync(student, MemoFolder.Inbox)).Items);
        Assert.Single((await Memos.ListAsync(student, MemoFolder.Archive)).Items);
        Assert.Equal(0, await Memos.UnreadCountAsync(student)); // archived unread mémos leave the badge
        Assert.True((await Memos.MoveAsync(student, id, MemoFolder.Bin)).Succeeded);
        Assert.Equal(1, await Memos.EmptyBinAsync(student));
        Assert.Empty((await Memos.ListAsync(student, MemoFolder.Bin)).Items);
        Assert.Equal(ResultKind.NotFound, (await Memos.ConversationAsync(student, id)).Kind);
        Assert.Single((await Memos.ListAsync(As(_f.TeacherA), MemoFolder.Sent)).Items); // the sender keeps theirs
        Assert.Equal(ResultKind.NotFound, (await Memos.MoveAsync(As(_otherStudent), id, MemoFolder.Archive)).Kind);
    }

    [Fact]
    public async Task AParent_WritesAboutTheirOwnChildOnly()
    {
        var draft = Draft(To(_f.TeacherA));
        draft.AboutChildId = _otherStudent.Id;
        Assert.Equal(ResultKind.Forbidden, (await Memos.SendAsync(As(_f.ParentA), draft, [])).Kind);
        draft.AboutChildId = _f.StudentA.Id;
        var sent = await Memos.SendAsync(As(_f.ParentA), draft, []);
        Assert.Equal(
            "StudentA Test",
            (await Memos.ConversationAsync(As(_f.TeacherA), sent.Value)).Value!.Single().AboutChild
        );
    }

    [Fact]
    public async Task TheAddressPicker_OffersOnlyWhatTheSenderMayReach()
    {
        var teacher = (await Memos.AddressOptionsAsync(As(_f.TeacherA), "6e")).Select(o => o.Address.Label).ToList();
        Assert.Contains("Élèves de 6eA", teacher);
        Assert.Contains("Parents de 6eA", teacher);
        Assert.DoesNotContain("Élèves de 6eB", teacher);
        var people = (await Memos.AddressOptionsAsync(As(_f.StudentA), "test"))
            .Where(o => o.Address.Kind == AudienceKind.Person)
            .Select(o => o.Address.Label)
            .ToList();
        Assert.Contains("TeacherA Test", people);
        Assert.DoesNotContain("Classmate Test", people);
        Assert.DoesNotContain("OtherTeacher Test", people);
    }

    [Fact]
    public async Task TheServerNamesEachAddress_ALabelComingBackFromTheBrowserIsNotKept()
    {
        // A draft restored from the browser carries labels the browser could have changed.
        var forged = Draft(
            new MemoAddress(AudienceKind.ClassStudents, _f.ClassA.Id, "Tous les parents"),
            new MemoAddress(AudienceKind.Person, _f.StudentA.Id, "Le principal")
        );
        var sent = await Memos.SendAsync(As(_f.TeacherA), forged, []);
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));

        await using var db = _database.NewContext();
        var memo = await db.Memos.Include(m => m.Audiences).SingleAsync();
        Assert.Equal("Élèves de 6eA, StudentA Test", memo.To);
        Assert.Equal(["Élèves de 6eA", "StudentA Test"], memo.Audiences.OrderBy(a => a.Id).Select(a => a.Label));
    }

    [Fact]
    public async Task AnAudienceThePickerNeverOffers_IsRefused_AndNothingIsSent()
    {
        var everyone = new MemoAddress(
            AudienceKind.Profile,
            (int)(Profile.Student | Profile.Parent | Profile.Teacher),
            "Tout le monde"
        );
        var result = await Memos.SendAsync(As(_f.StaffA), Draft(everyone), []);
        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Equal("Ce destinataire n'existe pas dans l'établissement : rien n'a été envoyé.", result.Errors[0]);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Memos.CountAsync());
    }

    [Fact]
    public async Task Refusals_Audiences_AndRules_AreWrittenInTheReadersLanguage()
    {
        using var _ = EnglishCulture.Use();
        var empty = await Memos.SendAsync(As(_f.TeacherA), new MemoDraft(), []);
        Assert.Equal(
            ["Choose at least one recipient.", "Give the memo a subject.", "The memo is empty: write your message."],
            empty.Errors
        );
        var longDraft = Draft(To(_f.StudentA));
        longDraft.Body = new string('a', MemoDraftValidator.BodyMax + 1);
        var tooLong = await Memos.SendAsync(As(_f.TeacherA), longDraft, []);
        Assert.Equal("The message must not be longer than 20,000 characters.", tooLong.Errors.Single());
        var notAllowed = await Memos.SendAsync(As(_f.TeacherA), Draft(To(_otherStudent)), []);
        Assert.Equal(
            "The school's rules do not let you write to OtherStudent Test. Nothing was sent.",
            notAllowed.Errors.Single()
        );

        var options = await Memos.AddressOptionsAsync(As(_f.TeacherA), "6eA");
        Assert.Contains(options, o => o.Address.Label == "Students of 6eA" && o.Detail == "2 people");
        Assert.Contains("Teachers write to their students' parents", MemoRuleNames.All.Select(r => r.Text));
    }
}
