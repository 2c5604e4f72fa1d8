using Enoe.Data.People;
using Enoe.Data.Structure;

namespace Enoe.Tests.Support;

public static class SecondChild
{
    /// <summary>
    /// ParentA's second child, StudentB, in 5eB at college-b; ParentA belongs to college-b as a parent unless told
    /// otherwise.
    /// </summary>
    public static async Task<(Person Child, SchoolClass Class)> AddAtSchoolBAsync(
        this TwoSchools f,
        TestDatabase database,
        bool parentJoinsB = true
    )
    {
        await using var db = database.NewContext();
        var classB = new SchoolClass
        {
            SchoolId = f.B.Id,
            LevelId = 2,
            Name = "5eB",
        };
        var child = new Person
        {
            FirstName = "StudentB",
            LastName = "Test",
            UserName = "studentb",
            NormalizedUserName = "STUDENTB",
        };
        child.Memberships.Add(new Membership { SchoolId = f.B.Id, Profiles = Profile.Student });
        db.AddRange(classB, child);
        db.Enrolments.Add(new Enrolment { Student = child, SchoolClass = classB });
        db.Guardianships.Add(new Guardianship { ParentId = f.ParentA.Id, Student = child });
        if (parentJoinsB)
            db.Memberships.Add(
                new Membership
                {
                    PersonId = f.ParentA.Id,
                    SchoolId = f.B.Id,
                    Profiles = Profile.Parent,
                }
            );
        await db.SaveChangesAsync();
        return (child, classB);
    }
}
