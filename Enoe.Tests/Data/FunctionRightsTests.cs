using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Skills;
using Enoe.Data.Structure;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>
/// Rights follow the function, not the profile: a CPE, a librarian and an ENT admin are all "staff" or "admin", and
/// none of them is the direction.
/// </summary>
public sealed class FunctionRightsTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _cpe = default!,
        _librarian = default!,
        _office = default!,
        _otherTeacher = default!,
        _tutor = default!;
    private Subject _maths = default!;
    private GradeService Grades => _database.Get<GradeService>();
    private SkillService Skills => _database.Get<SkillService>();
    private BookingService Bookings => _database.Get<BookingService>();

    private CurrentUser As(Person p) => new(p.Id, p.FirstName, _f.A.Id, Profile.None);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        Person P(string first, Profile profile, StaffFunction functions = StaffFunction.None)
        {
            var p = new Person
            {
                FirstName = first,
                LastName = "Fonction",
                UserName = first.ToLowerInvariant(),
                NormalizedUserName = first.ToUpperInvariant(),
            };
            p.Memberships.Add(
                new Membership
                {
                    SchoolId = _f.A.Id,
                    Profiles = profile,
                    Functions = functions,
                }
            );
            return p;
        }
        (_cpe, _librarian, _office, _otherTeacher, _tutor) = (
            P("Cpe", Profile.Staff, StaffFunction.Cpe),
            P("Doc", Profile.Staff, StaffFunction.Librarian),
            P("Secretariat", Profile.Staff, StaffFunction.Office),
            P("Autre", Profile.Teacher),
            P("Tuteur", Profile.Teacher)
        );
        db.AddRange(_cpe, _librarian, _office, _otherTeacher, _tutor);
        _maths = db.AddMaths(_f);
        db.Add(new FormTutor { SchoolClassId = _f.ClassA.Id, Teacher = _tutor });
        db.Add(
            new Term
            {
                SchoolId = _f.A.Id,
                Name = "Trimestre 1",
                StartsOn = new(2026, 9, 1),
                EndsOn = new(2026, 11, 30),
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<IReadOnlyList<string>> TitlesSeenByAsync(Person reader)
    {
        var report = await Grades.ReportAsync(As(reader), _f.StudentA.Id);
        return report.Succeeded ? [.. report.Value!.Subjects.SelectMany(s => s.Grades).Select(g => g.Title)] : ["-"];
    }

    [Fact]
    public async Task AnUnpublishedMark_IsSeenByTheDirectionOnly_AndOncePublished_ByTheCpeAndTheFormTutorToo()
    {
        var id = await Grades.NewMathsAssessmentAsync(_f, _maths);
        Assert.True((await Grades.SaveCellAsync(As(_f.TeacherA), id, _f.StudentA.Id, "17")).Succeeded);

        Assert.Equal(["Contrôle"], await TitlesSeenByAsync(_f.StaffA)); // the direction
        Assert.Empty(await TitlesSeenByAsync(_cpe));
        Assert.Empty(await TitlesSeenByAsync(_tutor));
        Assert.Empty(await TitlesSeenByAsync(_f.StudentA));
        foreach (var outsider in new[] { _librarian, _office, _otherTeacher, _f.AdminA })
            Assert.Equal(["-"], await TitlesSeenByAsync(outsider));

        Assert.True((await Grades.PublishAsync(As(_f.TeacherA), id, publish: true)).Succeeded);
        foreach (var reader in new[] { _f.StaffA, _cpe, _tutor, _f.StudentA })
            Assert.Equal(["Contrôle"], await TitlesSeenByAsync(reader));
        Assert.Empty(await TitlesSeenByAsync(_f.ParentA)); // the parents' delay: Friday's marks on Monday
        _database.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(["Contrôle"], await TitlesSeenByAsync(_f.ParentA));
        foreach (var outsider in new[] { _librarian, _office, _otherTeacher, _f.AdminA })
            Assert.Equal(["-"], await TitlesSeenByAsync(outsider));
        // The CPE and the direction pick any student of a class; the librarian none.
        Assert.Single(await Grades.StudentsForDirectionAsync(As(_cpe), _f.ClassA.Id));
        Assert.Empty(await Grades.StudentsForDirectionAsync(As(_librarian), _f.ClassA.Id));
    }

    [Fact]
    public async Task TheBooklet_IsReadByTeachersTutorDirectionAndCpe_NeverByTheLibrarianOrTheEntAdmin()
    {
        foreach (var reader in new[] { _f.TeacherA, _tutor, _f.StaffA, _cpe, _f.ParentA })
            Assert.True((await Skills.BookletAsync(As(reader), _f.StudentA.Id)).Succeeded, reader.FirstName);
        foreach (var outsider in new[] { _librarian, _office, _otherTeacher, _f.AdminA })
            Assert.Equal(ResultKind.NotFound, (await Skills.BookletAsync(As(outsider), _f.StudentA.Id)).Kind);
        Assert.Null(await Skills.ProgressAsync(As(_librarian), _f.StudentA.Id));
    }

    [Fact]
    public async Task APendingBooking_IsDecidedByTheResourcesManagerOrTheDirection_NotTheLibrarianOrTheEntAdmin()
    {
        int lab;
        await using (var db = _database.NewContext())
        {
            var resource = new BookableResource
            {
                SchoolId = _f.A.Id,
                Category = new ResourceCategory { SchoolId = _f.A.Id, Name = "Salles" },
                Name = "Laboratoire",
                NeedsApproval = true,
                ManagerId = _office.Id,
            };
            db.Add(resource);
            await db.SaveChangesAsync();
            lab = resource.Id;
        }
        async Task<int> RequestAsync(int day) =>
            (
                await Bookings.BookAsync(
                    As(_f.TeacherA),
                    new(lab, new(2026, 11, 23 + day), new(10, 5), new(11, 0), 1, "TP")
                )
            )
                .Value!
                .Id;
        var first = await RequestAsync(0);
        var second = await RequestAsync(1);

        Assert.Empty(await Bookings.PendingAsync(As(_librarian)));
        Assert.Empty(await Bookings.PendingAsync(As(_f.AdminA)));
        foreach (var outsider in new[] { _librarian, _cpe, _f.AdminA })
            Assert.Equal(ResultKind.Forbidden, (await Bookings.DecideAsync(As(outsider), first, approve: true)).Kind);
        Assert.Equal(2, (await Bookings.PendingAsync(As(_office))).Count);
        Assert.True((await Bookings.DecideAsync(As(_office), first, approve: true)).Succeeded); // its manager
        Assert.True((await Bookings.DecideAsync(As(_f.StaffA), second, approve: false)).Succeeded); // the direction
        // Setting up resources: the direction and the ENT admin, not the librarian.
        Assert.True(await Bookings.ManagesResourcesAsync(As(_f.AdminA)));
        Assert.False(await Bookings.ManagesResourcesAsync(As(_librarian)));
    }
}
