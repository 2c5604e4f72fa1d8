using Enoe.Data.Documents;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// "Partagés avec moi" re-checks every share against the mémo rules (DocumentSharingReachTests): in a bounded number
/// of round trips whatever the number of sharers, and a page cut short by old shares no longer allowed reads on.
/// </summary>
public sealed class SharedWithMeQueryTests : IAsyncLifetime
{
    private readonly CommandCounter _counter = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private DocumentService Documents => _database.Get<DocumentService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_counter));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task TheReCheck_CostsTheSameFewQueries_ForOneSharerOrTen()
    {
        var teachers = await TeachersOfClassAAsync(10);
        await ShareWithStudentAsync(teachers[0], copies: 1, minutesAgo: 10);
        var forOne = await CommandsToListAsync(expected: 1);

        foreach (var teacher in teachers.Skip(1))
            await ShareWithStudentAsync(teacher, copies: 1, minutesAgo: 5);
        var forTen = await CommandsToListAsync(expected: 10);

        // Before: 3 + 2 per sharer (23 for ten). Now: the page, its documents, the sharers, their reach.
        Assert.Equal(forOne, forTen);
        Assert.True(forTen <= 4, _counter.Log);
    }

    [Fact]
    public async Task APageOfOldSharesNoLongerAllowed_DoesNotHideTheValidOnesBehindIt()
    {
        var teacher = (await TeachersOfClassAAsync(1))[0];
        await ShareWithStudentAsync(teacher, copies: 3, minutesAgo: 60);
        // A student of another class shared more than a page with StudentA, as rows written before the rules: newer.
        var stranger = await StudentOfAnotherClassAsync();
        await ShareWithStudentAsync(stranger, copies: 230, minutesAgo: 1);

        var listed = await Documents.SharedWithMeAsync(TwoSchools.As(_f.StudentA, _f.A));

        Assert.Equal(3, listed.Count);
    }

    private async Task<int> CommandsToListAsync(int expected)
    {
        var reader = TwoSchools.As(_f.StudentA, _f.A);
        await Documents.SharedWithMeAsync(reader); // the établissement's switches, read once then cached
        _counter.Reset();
        Assert.Equal(expected, (await Documents.SharedWithMeAsync(reader)).Count);
        return _counter.Count;
    }

    private async Task<List<Person>> TeachersOfClassAAsync(int count)
    {
        await using var db = _database.NewContext();
        var subject = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "HG",
            Name = "Histoire-géographie",
        };
        var teachers = Enumerable.Range(1, count).Select(i => Member($"Prof{i}", Profile.Teacher)).ToList();
        db.AddRange(teachers);
        db.TeachingAssignments.AddRange(
            teachers.Select(t => new TeachingAssignment
            {
                Teacher = t,
                Subject = subject,
                SchoolClassId = _f.ClassA.Id,
            })
        );
        await db.SaveChangesAsync();
        return teachers;
    }

    private async Task<Person> StudentOfAnotherClassAsync()
    {
        await using var db = _database.NewContext();
        var student = Member("Ailleurs", Profile.Student);
        db.Add(student);
        db.Enrolments.Add(
            new Enrolment
            {
                Student = student,
                SchoolClass = new SchoolClass
                {
                    SchoolId = _f.A.Id,
                    LevelId = 1,
                    Name = "6eB",
                },
            }
        );
        await db.SaveChangesAsync();
        return student;
    }

    private Person Member(string first, Profile profile)
    {
        var person = new Person
        {
            FirstName = first,
            LastName = "Test",
            UserName = first.ToLowerInvariant(),
            NormalizedUserName = first.ToUpperInvariant(),
        };
        person.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = profile });
        return person;
    }

    /// <summary>
    /// <paramref name="copies"/> documents of <paramref name="owner"/>'s own space (one uploaded file), each shared
    /// with StudentA by a row written directly, as shares were saved before they followed the rules.
    /// </summary>
    private async Task ShareWithStudentAsync(Person owner, int copies, int minutesAgo)
    {
        var user = TwoSchools.As(owner, _f.A);
        var space = (await Documents.SpacesAsync(user)).First(s => s.Kind == SpaceKind.Personal);
        Assert.True((await Documents.UploadAsync(user, space.Id, null, [TestFiles.Pdf()])).Succeeded);
        await using var db = _database.NewContext();
        var uploaded = await db.Set<Document>().SingleAsync(d => d.AddedById == owner.Id);
        var when = _database.Clock.GetUtcNow().UtcDateTime.AddMinutes(-minutesAgo);
        for (var i = 0; i < copies; i++)
        {
            var document =
                i == 0
                    ? uploaded
                    : new Document
                    {
                        SpaceId = uploaded.SpaceId,
                        FileId = uploaded.FileId,
                        AddedById = owner.Id,
                        AddedAt = uploaded.AddedAt,
                    };
            db.Add(
                new DocumentShare
                {
                    Document = document,
                    PersonId = _f.StudentA.Id,
                    SharedAt = when.AddSeconds(i),
                }
            );
        }
        await db.SaveChangesAsync();
    }
}
