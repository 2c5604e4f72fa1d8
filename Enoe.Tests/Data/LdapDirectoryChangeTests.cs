using Enoe.Data.Directory;
using Enoe.Tests.Support.TestDirectory;

namespace Enoe.Tests.Data;

/// <summary>
/// The test directory's change helpers, as the sync tests use them, read back through the LDAP client.
/// </summary>
[Trait("Database", "SqliteOnly")] // no database: LDAP only
public sealed class LdapDirectoryChangeTests : IAsyncLifetime
{
    private readonly SlapdServer _slapd = new();

    public Task InitializeAsync() => _slapd.InitializeAsync();

    public Task DisposeAsync() => _slapd.DisposeAsync();

    [Fact]
    public async Task EachChange_IsWhatTheClientReadsNext()
    {
        var sample = _slapd.Sample;
        var student = SampleDirectory.StudentDn(0, 3);
        var teacher = SampleDirectory.TeacherDn(0, 0);
        await _slapd.MoveStudentAsync(student, 0, sample.ClassCode(4));
        await _slapd.AddParentLinkAsync(student, SampleDirectory.ParentDn(1, 5));
        await _slapd.RemoveTeacherClassAsync(teacher, 0, sample.ClassCode(0));
        await _slapd.RenameAsync(SampleDirectory.DirectionDn(1), "Mme la Principale");
        await _slapd.DeleteAsync(SampleDirectory.StaffDn(0));

        var people = (await _slapd.NewClient().ReadPeopleAsync().ToListAsync())
            .SelectMany(p => p)
            .ToDictionary(p => p.Dn, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(sample.PeopleCount - 1, people.Count);
        Assert.DoesNotContain(SampleDirectory.StaffDn(0), people.Keys);
        Assert.Equal([$"{SampleDirectory.SchoolDn(0)}$6B"], people[student].StudentClasses);
        // Student 3's own parent is in ENTEleveAutoriteParentale; the new link in ENTEleveParents, read first.
        Assert.Equal([SampleDirectory.ParentDn(1, 5), SampleDirectory.ParentDn(0, 3)], people[student].StudentParents);
        Assert.Equal(
            [$"{SampleDirectory.SchoolDn(0)}$5A${SampleDirectory.Subjects[0]}"],
            people[teacher].TeacherClassSubjects
        );
        Assert.Empty(people[teacher].TeacherPrincipalClasses);
        Assert.Equal("Mme la Principale", people[SampleDirectory.DirectionDn(1)].DisplayName);
        Assert.Equal(
            Json(sample.Find(SampleDirectory.StudentDn(0, 4))!.Entry),
            Json(people[SampleDirectory.StudentDn(0, 4)])
        );
    }

    [Fact]
    public async Task TheSample_CountsWhatItDocuments_AndGrowsToTheBenchsSizes()
    {
        var sample = new SampleDirectory();
        var people = sample.People.ToList();
        Assert.Equal(600, sample.PeopleCount);
        Assert.Equal(sample.PeopleCount, people.Count);
        Assert.Equal(sample.PeopleCount, people.Select(p => p.Login).Distinct().Count());
        Assert.Equal(
            sample.Students + SampleDirectory.Leaving + 2,
            people.Count(p => p.Profiles.Contains("National_1"))
        );
        Assert.Equal(sample.Parents, people.Count(p => p.Profiles.Contains("National_2")));
        Assert.Equal(sample.Teachers, people.Count(p => p.Profiles.Contains("National_3")));
        Assert.All(sample.Structures, s => Assert.True(Enoe.Data.Schools.Uai.IsValid(s.Uai)));
        var pages = await new SampleDirectorySource(sample, 40).ReadPeopleAsync().ToListAsync();
        Assert.Equal(people.Select(Json), pages.SelectMany(p => p).Select(Json));
        Assert.Equal(15, pages.Count);
        var bench = SampleDirectory.ForPeople(10_000);
        Assert.InRange(bench.PeopleCount, 10_000, 10_400);
        Assert.Equal(bench.PeopleCount, bench.People.Count());
    }

    private static string Json(DirectoryPersonEntry entry) => System.Text.Json.JsonSerializer.Serialize(entry);
}
