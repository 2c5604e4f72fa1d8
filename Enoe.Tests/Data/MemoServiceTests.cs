using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class MemoServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _classmate = default!,
        _otherStudent = default!,
        _otherParent = default!,
        _otherTeacher = default!;
    private SchoolClass _classB = default!;
    private MemoService Memos => _database.Get<MemoService>();

    /// <summary>Sends, and waits for the copies and notifications written after the send returns.</summary>
    private async Task<Result<int>> SendAsync(CurrentUser user, MemoDraft draft, IReadOnlyList<FileUpload> files)
    {
        var sent = await Memos.SendAsync(user, draft, files);
        await Memos.WhenDeliveredAsync();
        return sent;
    }

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
        (await SendAsync(As(from), Draft(To(to)), [])).Succeeded;

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
        var result = await SendAsync(As(_f.TeacherA), draft, []);
        Assert.Contains(message, result.Errors);
        var disguised = await SendAsync(As(_f.TeacherA), Draft(To(_f.StudentA)), [TestFiles.DisguisedExe("sujet.pdf")]);
        Assert.Equal(ResultKind.Invalid, disguised.Kind);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Memos.CountAsync());
    }

    [Fact]
    public async Task AnAudience_IsExpandedAtSendTime_AParentOfTwoInTheClassGetsOneCopy()
    {
        using var told = new Heard<MemoSent>(_database.Get<IEventBus>());
        var sent = await SendAsync(
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
        await _database.DeliveredAsync();
        var told1 = told.Events.Single(); // what the parent's open tabs show without a query: the line and the count
        Assert.Equal(new Dictionary<int, int> { [_f.ParentA.Id] = 1 }, told1.UnreadByRecipient);
        Assert.Equal((sent.Value, "Sortie au musée"), (told1.Summary.Id, told1.Summary.Subject));
        Assert.Equal(1, await Memos.UnreadCountAsync(As(_f.ParentA)));
        Assert.Equal(0, await Memos.UnreadCountAsync(As(_otherParent)));
    }

    [Fact]
    public async Task Refusals_Audiences_AndRules_AreWrittenInTheReadersLanguage()
    {
        using var _ = new InEnglish();
        var empty = await SendAsync(As(_f.TeacherA), new MemoDraft(), []);
        Assert.Equal(
            ["Choose at least one recipient.", "Give the memo a subject.", "The memo is empty: write your message."],
            empty.Errors
        );
        var longDraft = Draft(To(_f.StudentA));
        longDraft.Body = new string('a', MemoDraftValidator.BodyMax + 1);
        var tooLong = await SendAsync(As(_f.TeacherA), longDraft, []);
        Assert.Equal("The message must not be longer than 20,000 characters.", tooLong.Errors.Single());
        var notAllowed = await SendAsync(As(_f.TeacherA), Draft(To(_otherStudent)), []);
        Assert.Equal(
            "You cannot write to OtherStudent Test: none of the school's rules connects you with this person. "
                + "Nothing was sent.",
            notAllowed.Errors.Single()
        );

        var options = await Memos.AddressOptionsAsync(As(_f.TeacherA), "6eA");
        Assert.Contains(options, o => o.Address.Label == "Students of 6eA" && o.Detail == "2 people");
        Assert.Contains("Teachers write to their students' parents", MemoRuleNames.All.Select(r => r.Text));
    }
}
