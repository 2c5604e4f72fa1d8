using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

public sealed class PersonNamesTests
{
    [Fact]
    public async Task AClassList_WritesAccentedSurnamesInCapitals_NotHalfLowerCase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        int subjectId;
        await using (var db = database.NewContext())
        {
            var student = new Person
            {
                FirstName = "François",
                LastName = "Rivière",
                UserName = "francois.riviere",
                NormalizedUserName = "FRANCOIS.RIVIERE",
            };
            student.Memberships.Add(new Membership { SchoolId = f.A.Id, Profiles = Profile.Student });
            var maths = new Subject
            {
                SchoolId = f.A.Id,
                Code = "MATHS",
                Name = "Mathématiques",
            };
            db.AddRange(student, maths);
            db.Enrolments.Add(new Enrolment { Student = student, SchoolClassId = f.ClassA.Id });
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = f.TeacherA.Id,
                    Subject = maths,
                    SchoolClassId = f.ClassA.Id,
                }
            );
            await db.SaveChangesAsync();
            subjectId = maths.Id;
        }
        var teacher = TwoSchools.As(f.TeacherA, f.A);
        var grades = database.Get<GradeService>();
        var id = (
            await grades.CreateAsync(
                teacher,
                new AssessmentDraft
                {
                    SchoolClassId = f.ClassA.Id,
                    SubjectId = subjectId,
                    Title = "Contrôle",
                    Date = new(2026, 11, 20),
                }
            )
        ).Value;

        var grid = (await grades.GridAsync(teacher, id)).Value!;

        Assert.Contains(grid.Rows, r => r.Name == "RIVIÈRE François"); // SQLite's UPPER wrote "RIVIèRE"
    }
}
