using Enoe.Data.Common;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Demo;

/// <summary>Each school's staff, classes, students with their families, groups, and the people's accounts.</summary>
public sealed partial class DemoSeeder
{
    private void SeedStaff(School school, DemoSchools.Seed seed)
    {
        var slugTail = seed.Slug[(seed.Slug.IndexOf('-') + 1)..];
        var admin = NewPerson("Gestionnaire", "ENT " + school.Name.Split(' ', 2)[1], "admin." + slugTail);
        // The ENT admin administers but is not the direction: it reads no marks and decides no booking.
        Join(admin, school, Profile.SchoolAdmin | Profile.Staff, "Administrateur ENT");
        Join(
            NewPerson(seed.Head.First, seed.Head.Last),
            school,
            Profile.Staff | Profile.SchoolAdmin,
            seed.HeadTitle,
            StaffFunction.Direction
        );
        Join(
            NewPerson(seed.Cpe.First, seed.Cpe.Last),
            school,
            Profile.Staff,
            "Conseiller principal d'éducation (vie scolaire)",
            StaffFunction.Cpe
        );
        Join(
            NewPerson(seed.Librarian.First, seed.Librarian.Last),
            school,
            Profile.Staff,
            "Professeur documentaliste (CDI)",
            StaffFunction.Librarian
        );
        Join(
            NewAdult(),
            school,
            Profile.Staff,
            school.Kind == SchoolKind.College ? "Principal adjoint" : "Proviseur adjoint",
            StaffFunction.Direction
        );
        Join(NewAdult(), school, Profile.Staff, "Secrétariat", StaffFunction.Office);
    }

    private void SeedClassesAndPeople(
        School school,
        Person? namedStudent,
        (Person Mother, Person Father) martins,
        Person claire
    )
    {
        var college = school.Kind == SchoolKind.College;
        var subjects = (college ? DemoSchools.CollegeSubjects : DemoSchools.LyceeSubjects)
            .Select(s => new Subject
            {
                School = school,
                Code = s.Code,
                Name = s.Name,
            })
            .ToDictionary(s => s.Code);
        _rows.AddRange(subjects.Values);

        var levels = Level.National.Where(l => college ? l.Rank <= 4 : l.Rank >= 5).ToList();
        var classes = levels
            .SelectMany(l =>
                new[] { "A", "B" }.Select(letter => new SchoolClass
                {
                    School = school,
                    LevelId = l.Id,
                    Name = l.Code + letter,
                })
            )
            .ToList();
        _rows.AddRange(classes);

        // Two teachers per subject, each with half the classes; LV2 and spécialités are taught to groups.
        var groupSubjects = college ? new[] { "ESP", "ALL" } : ["ESP", "NSI", "SES"];
        var teachers = new Dictionary<string, Person[]>();
        foreach (var (code, subject) in subjects)
        {
            var pair = new[] { NewAdult(), NewAdult() };
            if (code == "MATHS" && school.Slug.StartsWith("college"))
                pair[school.Slug.Contains("hugo") ? 0 : 1] = claire;
            foreach (var t in pair)
                Join(t, school, Profile.Teacher, null);
            teachers[code] = pair;
            if (groupSubjects.Contains(code))
                continue;
            for (var i = 0; i < classes.Count; i++)
                if (DemoCurriculum.WeeklyHours(code, Level.National.First(l => l.Id == classes[i].LevelId).Code) > 0)
                    _rows.Add(
                        new TeachingAssignment
                        {
                            Teacher = pair[i % 2],
                            Subject = subject,
                            SchoolClass = classes[i],
                        }
                    );
        }
        // Claire's second collège gives her only one class, as a teacher completing her timetable would have.
        if (!school.Slug.Contains("hugo") && college)
            foreach (
                var a in _rows
                    .OfType<TeachingAssignment>()
                    .Where(a => a.Teacher == claire && a.SchoolClass!.School == school && a.SchoolClass.Name != "3eB")
            )
                a.Teacher = teachers["MATHS"][0];

        var bySchoolParents = new List<(Person Mother, Person? Father, string LastName)>();
        foreach (var schoolClass in classes)
        {
            var level = Level.National.First(l => l.Id == schoolClass.LevelId);
            var size = 23 + _random.Next(5);
            for (var n = 0; n < size; n++)
            {
                Person student;
                (Person Mother, Person? Father, string LastName) family;
                if (
                    n == 0
                    && namedStudent is not null
                    && schoolClass.Name.EndsWith('A')
                    && schoolClass.LevelId == (college ? 3 : 5)
                )
                {
                    student = namedStudent;
                    family = (martins.Mother, martins.Father, "Martin");
                }
                else if (bySchoolParents.Count > 10 && _random.NextDouble() < 0.12)
                {
                    family = bySchoolParents[_random.Next(bySchoolParents.Count)]; // a younger or older sibling
                    student = NewStudent(family.LastName);
                }
                else
                {
                    var lastName = Pick(DemoNames.LastNames);
                    family = (NewAdult(lastName), _random.NextDouble() < 0.7 ? NewAdult(lastName) : null, lastName);
                    bySchoolParents.Add(family);
                    student = NewStudent(lastName);
                }
                Join(student, school, Profile.Student, null);
                _rows.Add(new Enrolment { Student = student, SchoolClass = schoolClass });
                foreach (var parent in new[] { family.Mother, family.Father }.OfType<Person>())
                {
                    Join(parent, school, Profile.Parent, null);
                    _rows.Add(new Guardianship { Parent = parent, Student = student });
                }
                EnrolInGroups(school, student, level, college, subjects, teachers);
            }
        }
    }

    private readonly Dictionary<string, TeachingGroup> _groups = [];

    private void EnrolInGroups(
        School school,
        Person student,
        Level level,
        bool college,
        Dictionary<string, Subject> subjects,
        Dictionary<string, Person[]> teachers
    )
    {
        var wanted = new List<(string Name, string Subject)>();
        if (college && level.Rank >= 2)
            wanted.Add(
                _random.Next(2) == 0 ? ($"LV2 espagnol {level.Code}", "ESP") : ($"LV2 allemand {level.Code}", "ALL")
            );
        if (!college)
        {
            wanted.Add(($"LV2 espagnol {level.Code}", "ESP"));
            if (level.Rank >= 6)
                wanted.Add(
                    _random.Next(2) == 0
                        ? ($"Spécialité NSI {level.Code}", "NSI")
                        : ($"Spécialité SES {level.Code}", "SES")
                );
        }
        foreach (var (name, subject) in wanted)
        {
            var key = school.Slug + "/" + name;
            if (!_groups.TryGetValue(key, out var group))
            {
                group = _groups[key] = new TeachingGroup { School = school, Name = name };
                _rows.Add(group);
                _rows.Add(
                    new TeachingAssignment
                    {
                        Teacher = teachers[subject][level.Rank % 2],
                        Subject = subjects[subject],
                        TeachingGroup = group,
                    }
                );
            }
            _rows.Add(new GroupEnrolment { Student = student, TeachingGroup = group });
        }
    }

    private Person NewStudent(string lastName) =>
        NewPerson(Pick(_random.Next(2) == 0 ? DemoNames.Girls : DemoNames.Boys), lastName);

    private Person NewAdult(string? lastName = null) =>
        NewPerson(Pick(DemoNames.Adults), lastName ?? Pick(DemoNames.LastNames));

    private Person NewPerson(string first, string last, string? userName = null)
    {
        userName ??= UniqueUserName(Slugs.From(first, '-') + "." + Slugs.From(last, '-'));
        _userNames.Add(userName);
        var person = new Person
        {
            FirstName = first,
            LastName = last,
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            PasswordHash = _passwordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CreatedAt = _now,
        };
        _people.Add(person);
        return person;
    }

    private string UniqueUserName(string wanted)
    {
        var name = wanted;
        for (var n = 2; _userNames.Contains(name); n++)
            name = wanted + n;
        return name;
    }

    private static void Join(
        Person person,
        School school,
        Profile profile,
        string? function,
        StaffFunction functions = StaffFunction.None
    )
    {
        var membership = person.Memberships.FirstOrDefault(m => m.School == school);
        if (membership is null)
            person.Memberships.Add(
                new Membership
                {
                    Person = person,
                    School = school,
                    Profiles = profile,
                    Function = function,
                    Functions = functions,
                }
            );
        else
            (membership.Profiles, membership.Functions) = (
                membership.Profiles | profile,
                membership.Functions | functions
            );
    }
}
