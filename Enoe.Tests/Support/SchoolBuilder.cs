using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;

namespace Enoe.Tests.Support;

/// <summary>A small, explicit fixture: two établissements and the people a rights test needs.</summary>
public sealed class TwoSchools
{
    public required School A { get; init; }
    public required School B { get; init; }
    public required Person StaffA { get; init; }
    public required Person AdminA { get; init; }
    public required Person TeacherA { get; init; }
    public required Person StudentA { get; init; }
    public required Person ParentA { get; init; }
    public required Person StaffB { get; init; }
    public required SchoolClass ClassA { get; init; }

    public static async Task<TwoSchools> CreateAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var academy = new Academy { Name = "Académie de test" };
        School NewSchool(string slug, string digits) =>
            new()
            {
                Academy = academy,
                Slug = slug,
                Name = "Collège " + slug,
                Uai = Uai.Create(digits),
                Kind = SchoolKind.College,
            };
        var a = NewSchool("college-a", "0250001");
        var b = NewSchool("college-b", "0250002");
        var classA = new SchoolClass
        {
            School = a,
            LevelId = 1,
            Name = "6eA",
        };
        Person P(string first, School school, Profile profile, StaffFunction functions = StaffFunction.None)
        {
            var person = new Person
            {
                FirstName = first,
                LastName = "Test",
                UserName = first.ToLowerInvariant(),
                NormalizedUserName = first.ToUpperInvariant(),
            };
            person.Memberships.Add(
                new Membership
                {
                    School = school,
                    Profiles = profile,
                    Functions = functions,
                }
            );
            return person;
        }
        var fixture = new TwoSchools
        {
            A = a,
            B = b,
            ClassA = classA,
            // The staff of these tests are the direction (rights come from the function, not the profile).
            StaffA = P("StaffA", a, Profile.Staff, StaffFunction.Direction),
            AdminA = P("AdminA", a, Profile.SchoolAdmin),
            TeacherA = P("TeacherA", a, Profile.Teacher),
            StudentA = P("StudentA", a, Profile.Student),
            ParentA = P("ParentA", a, Profile.Parent),
            StaffB = P("StaffB", b, Profile.Staff, StaffFunction.Direction),
        };
        db.AddRange(
            fixture.StaffA,
            fixture.AdminA,
            fixture.TeacherA,
            fixture.StudentA,
            fixture.ParentA,
            fixture.StaffB
        );
        db.Enrolments.Add(new Enrolment { Student = fixture.StudentA, SchoolClass = classA });
        db.Guardianships.Add(new Guardianship { Parent = fixture.ParentA, Student = fixture.StudentA });
        await db.SaveChangesAsync();
        return fixture;
    }

    public static CurrentUser As(Person person, School school) =>
        new(person.Id, person.FirstName, school.Id, person.Memberships.Single().Profiles);
}
