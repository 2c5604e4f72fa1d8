using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// Whose records a person opens, with the student's établissement: a family's in one round trip (what every widget of
/// their dashboard asks), staff through their functions.
/// </summary>
public sealed partial class StudentRecordsTests : IAsyncLifetime
{
    private readonly CommandCounter _counter = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_counter));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>
    /// Whose records <paramref name="me"/> opens, in a load sharing <paramref name="memo"/> if given.
    /// </summary>
    private async Task<(int, Holder, int?)?> ResolveAsync(
        Person me,
        int? studentId,
        Right? right = null,
        RecordsMemo? memo = null
    )
    {
        await using var db = _database.NewContext();
        _counter.Reset();
        using (RecordsMemo.Use(memo))
            return await StudentRecords.ResolveInSchoolAsync(db, me.Id, studentId, right, default);
    }

    [Fact]
    public async Task AStudent_OrTheirParent_GetsTheStudentAndTheirSchool_InOneRoundTrip()
    {
        var expected = (_f.StudentA.Id, Holder.Student, (int?)_f.A.Id);
        Assert.Equal(expected, await ResolveAsync(_f.StudentA, null));
        Assert.Equal(1, _counter.Count);
        Assert.Equal(expected with { Item2 = Holder.Parent }, await ResolveAsync(_f.ParentA, null));
        Assert.Equal(1, _counter.Count);
        Assert.Equal(expected with { Item2 = Holder.Parent }, await ResolveAsync(_f.ParentA, _f.StudentA.Id));
        Assert.Equal(1, _counter.Count);
    }

    [Fact]
    public async Task AParentWithoutANamedChild_OpensTheFirstByFirstName()
    {
        var zoe = await AddChildAsync("Zoé");
        var anna = await AddChildAsync("Anna");

        Assert.Equal((anna, Holder.Parent, (int?)_f.A.Id), await ResolveAsync(_f.ParentA, null));
        Assert.Equal((zoe, Holder.Parent, (int?)_f.A.Id), await ResolveAsync(_f.ParentA, zoe));
    }

    [Fact]
    public async Task StaffComeInThroughTheRight_WithTheStudentsSchool_AndNobodyElse()
    {
        Assert.Equal(
            (_f.StudentA.Id, (Holder)(int)StaffFunction.Direction, (int?)_f.A.Id),
            await ResolveAsync(_f.StaffA, _f.StudentA.Id, Right.SkillsRead)
        );
        Assert.Null(await ResolveAsync(_f.StaffA, _f.StudentA.Id)); // families only
        Assert.Null(await ResolveAsync(_f.StaffB, _f.StudentA.Id, Right.SkillsRead)); // another établissement
        Assert.Null(await ResolveAsync(_f.TeacherA, null)); // neither a student nor a parent
        Assert.Null(await ResolveAsync(_f.ParentA, _f.TeacherA.Id)); // not their child
    }

    private async Task<int> AddChildAsync(string firstName)
    {
        await using var db = _database.NewContext();
        var child = new Person
        {
            FirstName = firstName,
            LastName = "Test",
            UserName = firstName.ToLowerInvariant(),
        };
        child.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = Profile.Student });
        db.Add(child);
        db.Enrolments.Add(new Enrolment { Student = child, SchoolClassId = _f.ClassA.Id });
        db.Guardianships.Add(new Guardianship { ParentId = _f.ParentA.Id, Student = child });
        await db.SaveChangesAsync();
        return child.Id;
    }
}
