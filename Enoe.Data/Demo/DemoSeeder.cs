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

/// <summary>
/// Seeds a believable académie: three établissements with classes of about 25 students, their
/// teachers, parents (siblings, and one family across two établissements), staff and admins,
/// then each ENT service's demo (<see cref="IDemoStep"/>, registered from the service's folder): its
/// resources, news and a month of school life around the clock's day.
/// Deterministic: the same clock gives the same data on every machine, so the README's sign-ins always work.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    IOptions<StorageOptions> storage,
    IEnumerable<IDemoStep> steps
)
{
    /// <summary>Every demo account's password.</summary>
    public const string Password = "Enoe#Demo2026";

    private readonly Random _random = new(2026);
    private readonly HashSet<string> _userNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Person> _people = [];

    /// <summary>Everything else built for the académie, inserted in bulk once the schools have their ids.</summary>
    private readonly List<object> _rows = [];
    private string _passwordHash = "";
    private DateTime _now;

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Academies.AnyAsync(ct) || await db.Users.AnyAsync(ct))
            return false;

        _now = clock.GetUtcNow().UtcDateTime;
        var calendar = new DemoCalendar(DateOnly.FromDateTime(SchoolTime.ToLocal(_now)));
        // One hash for every demo account: hashing 1,500 passwords one by one would take minutes.
        _passwordHash = new PasswordHasher<Person>().HashPassword(null!, Password);
        // All or nothing: a half-seeded académie would never be seeded again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var academy = new Academy
        {
            Name = "Académie de Besançon",
            Description =
                "L'espace numérique de travail des collèges et lycées du Doubs, du Jura, de la Haute-Saône et du "
                + "Territoire de Belfort.",
        };
        db.Academies.Add(academy);
        var admin = NewPerson("Marc", "Lefèvre", "admin.academie");
        admin.IsAcademyAdmin = true;

        // The Martin family has Lucas at the first collège and Emma at the lycée.
        var sophie = NewPerson("Sophie", "Martin");
        var thomas = NewPerson("Thomas", "Martin");
        var lucas = NewPerson("Lucas", "Martin");
        var emma = NewPerson("Emma", "Martin");
        // Claire Fontaine teaches mathematics in both collèges.
        var claire = NewPerson("Claire", "Fontaine");

        var schools = new List<(School School, DemoSchools.Seed Seed)>();
        foreach (var seed in DemoSchools.All)
        {
            var school = new School
            {
                Academy = academy,
                Slug = seed.Slug,
                Name = seed.Name,
                Kind = seed.Kind,
                City = seed.City,
                Uai = seed.Uai,
                PostalAddress = seed.Address,
                Phone = seed.Phone,
                Email = seed.Email,
                Presentation = seed.Presentation,
                ClosedServices = [.. seed.Closed.Select(s => new ClosedService { ServiceKey = s.Key })],
                Branding = new SchoolBranding { PrimaryColor = seed.Color, LogoPath = "/img/logo-enoe.svg" },
            };
            db.Schools.Add(school);
            schools.Add((school, seed));
            SeedStaff(school, seed);
            var firstClassStudent = seed.Slug switch
            {
                "college-victor-hugo" => lucas,
                "lycee-lumiere" => emma,
                _ => null,
            };
            SeedClassesAndPeople(school, firstClassStudent, (sophie, thomas), claire);
        }

        // The académie and its schools through EF (a school's branding is an owned type), then the
        // thousands of people and rows pointing to them in bulk: EF took seconds for them, at every start.
        await db.SaveChangesAsync(ct);
        // From here on every row is added, never edited: no need to scan thousands after each call
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (school, seed) in schools)
            _rows.AddRange(
                DemoSchools
                    .Slots(seed.Kind)
                    .Select(slot => new TimeSlot
                    {
                        SchoolId = school.Id,
                        Code = slot.Code,
                        StartsAt = slot.StartsAt,
                        EndsAt = slot.EndsAt,
                    })
            );
        await DemoBulk.InsertAsync(db, _people, ct);
        await DemoBulk.InsertAsync(db, _people.SelectMany(p => p.Memberships), ct);
        foreach (
            var type in _rows
                .Select(r => r.GetType())
                .Distinct()
                .OrderBy(t => Array.IndexOf(InsertionOrder, t))
                .ToList()
        )
            await DemoBulk.InsertAsync(db, type, _rows.Where(r => r.GetType() == type), ct);
        // Then each service's part, on the académie read back (ids, in id order: every run walks it the same way).
        var world = await DemoWorld.LoadAsync(db, calendar, _now, ct);
        var files = new DemoFiles(storage.Value.Root, new Random(2));
        var demo = new DemoContext(db, world, DemoTimetable.Build(world, new Random(1)), files);
        foreach (var step in steps.OrderBy(s => s.Order))
            await step.SeedAsync(demo, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Who points to whom: a type's rows go in after those of the types before it; the others point only to schools and
    /// people, already in, and go first.
    /// </summary>
    private static readonly Type[] InsertionOrder =
    [
        typeof(Subject),
        typeof(SchoolClass),
        typeof(TeachingGroup),
        typeof(TeachingAssignment),
        typeof(Enrolment),
        typeof(GroupEnrolment),
        typeof(Guardianship),
    ];

    private void SeedStaff(School school, DemoSchools.Seed seed)
    {
        var slugTail = seed.Slug[(seed.Slug.IndexOf('-') + 1)..];
        var admin = NewPerson("Gestionnaire", "ENT " + school.Name.Split(' ', 2)[1], "admin." + slugTail);
        Join(admin, school, Profile.SchoolAdmin | Profile.Staff, "Administrateur ENT");
        Join(NewPerson(seed.Head.First, seed.Head.Last), school, Profile.Staff | Profile.SchoolAdmin, seed.HeadTitle);
        Join(
            NewPerson(seed.Cpe.First, seed.Cpe.Last),
            school,
            Profile.Staff,
            "Conseiller principal d'éducation (vie scolaire)"
        );
        Join(
            NewPerson(seed.Librarian.First, seed.Librarian.Last),
            school,
            Profile.Staff,
            "Professeur documentaliste (CDI)"
        );
        Join(
            NewAdult(),
            school,
            Profile.Staff,
            school.Kind == SchoolKind.College ? "Principal adjoint" : "Proviseur adjoint"
        );
        Join(NewAdult(), school, Profile.Staff, "Secrétariat");
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

    private static void Join(Person person, School school, Profile profile, string? function)
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
                }
            );
        else
            membership.Profiles |= profile;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
