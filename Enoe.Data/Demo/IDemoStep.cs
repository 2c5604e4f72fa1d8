using Enoe.Data.Schools;

namespace Enoe.Data.Demo;

/// <summary>
/// One ENT service's part of the demo, declared in its own folder and registered by its
/// <see cref="Modules.DataModule"/>; <see cref="DemoSeeder"/> runs every step it finds, by <see cref="Order"/>,
/// once the académie's people, schools and classes are in. A step seeds only the schools that run its
/// service (<see cref="DemoContext.SchoolsRunning"/>) and draws from its own seeded random, so the
/// same clock gives the same data.
/// </summary>
public interface IDemoStep
{
    /// <summary>When the step runs: after the steps whose rows or files it needs (see each step's order).</summary>
    int Order { get; }

    Task SeedAsync(DemoContext demo, CancellationToken ct);
}

/// <summary>What every demo step shares: the seeder's context (in its transaction), the académie as seeded.</summary>
public sealed class DemoContext
{
    internal DemoContext(EnoeDbContext db, DemoWorld world, DemoTimetable timetable, DemoFiles files)
    {
        Db = db;
        World = world;
        Timetable = timetable;
        Files = files;
        Lucas = world.Named("lucas.martin").Id;
        Emma = world.Named("emma.martin").Id;
        Claire = world.Named("claire.fontaine").Id;
    }

    /// <summary>The seeder's context: changes are not detected automatically (rows are only ever added).</summary>
    public EnoeDbContext Db { get; }

    internal DemoWorld World { get; }
    internal DemoCalendar Calendar => World.Calendar;
    internal DateTime Now => World.Now;
    internal DemoTimetable Timetable { get; }

    /// <summary>
    /// The demo's files, drawn from one seeded random shared by the steps that attach files (Documents, then
    /// Memos, then Assignments): each saves its own before the rows pointing to them.
    /// </summary>
    internal DemoFiles Files { get; }

    /// <summary>The README's named people: Lucas (collège), his sister Emma (lycée), Claire (teacher).</summary>
    public int Lucas { get; }
    public int Emma { get; }
    public int Claire { get; }

    /// <summary>What one step hands to a later one.</summary>
    public DemoHandover Handover { get; } = new();

    /// <summary>The demo's schools that run a service: a step seeds only those.</summary>
    internal IEnumerable<DemoWorld.SchoolInfo> SchoolsRunning(EntService service) =>
        World.Schools.Where(s => s.Runs(service));

    /// <summary>The ids of the demo's schools that run a service.</summary>
    internal IReadOnlySet<int> Running(EntService service) => SchoolsRunning(service).Select(s => s.Id).ToHashSet();
}

/// <summary>The few ids a step gives a later one, each named (no general bag).</summary>
public sealed class DemoHandover
{
    /// <summary>By the Skills step (40), for the Grades step's judgements: each school's skill ids by code.</summary>
    public IReadOnlyDictionary<(int SchoolId, string Code), int> SkillIds { get; set; } =
        new Dictionary<(int SchoolId, string Code), int>();
}
