using Enoe.Data.People;
using Enoe.Data.Structure;

namespace Enoe.Tests.Support;

/// <summary>
/// <see cref="TwoSchools.TeacherA"/> also teaches in school B, in a class named like A's own (6eA),
/// as Claire Fontaine does with 3eB in the demo: a list mixing both établissements would mislead.
/// </summary>
public sealed record TeacherInTwoSchools(int ClassB, int SubjectB, int StudentB, CurrentUser InA, CurrentUser InB)
{
    public static async Task<TeacherInTwoSchools> CreateAsync(
        TestDatabase database,
        TwoSchools f,
        string subjectCode = "MATHS"
    )
    {
        await using var db = database.NewContext();
        var classB = new SchoolClass
        {
            SchoolId = f.B.Id,
            LevelId = 1,
            Name = f.ClassA.Name,
        };
        var subjectB = new Subject
        {
            SchoolId = f.B.Id,
            Code = subjectCode,
            Name = subjectCode,
        };
        var studentB = new Person
        {
            FirstName = "StudentB",
            LastName = "Test",
            UserName = "studentb",
            NormalizedUserName = "STUDENTB",
        };
        studentB.Memberships.Add(new Membership { SchoolId = f.B.Id, Profiles = Profile.Student });
        db.AddRange(classB, subjectB, studentB);
        db.Memberships.Add(
            new Membership
            {
                PersonId = f.TeacherA.Id,
                SchoolId = f.B.Id,
                Profiles = Profile.Teacher,
            }
        );
        db.Enrolments.Add(new Enrolment { Student = studentB, SchoolClass = classB });
        db.TeachingAssignments.Add(
            new TeachingAssignment
            {
                TeacherId = f.TeacherA.Id,
                Subject = subjectB,
                SchoolClass = classB,
            }
        );
        await db.SaveChangesAsync();
        return new TeacherInTwoSchools(
            classB.Id,
            subjectB.Id,
            studentB.Id,
            new CurrentUser(f.TeacherA.Id, "TeacherA", f.A.Id, Profile.Teacher),
            new CurrentUser(f.TeacherA.Id, "TeacherA", f.B.Id, Profile.Teacher)
        );
    }
}
