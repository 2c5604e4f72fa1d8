using Enoe.Data.Common;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Demo;

/// <summary>
/// Seeds a believable académie: three établissements with classes of about 25 students, their
/// teachers, parents (siblings, and one family across two établissements), staff and admins,
/// then each ENT service's demo (<see cref="IDemoStep"/>, registered from the service's folder): its
/// resources, news and a month of school life around the clock's day.
/// Deterministic: the same clock gives the same data on every machine, so the README's sign-ins always work.
/// </summary>
public sealed partial class DemoSeeder(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    IBlobStore blobs,
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
                Network = seed.Network,
                InsideNetworks = seed.InsideNetworks,
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
        var files = new DemoFiles(blobs, new Random(2));
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

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
