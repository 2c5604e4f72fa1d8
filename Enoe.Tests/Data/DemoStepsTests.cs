using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Demo;
using Enoe.Data.Grades;
using Enoe.Data.Memos;
using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// The demo seeder runs the steps the services register, in order; a step seeds only the schools running its service.
/// </summary>
public sealed class DemoStepsTests
{
    [Fact]
    public void EachServiceRegistersItsOwnStep_FromItsFolder_AndTheSeederFindsThemAll()
    {
        using var services = new ServiceCollection().AddEnoeData(Path.GetTempPath()).BuildServiceProvider();
        var fromModules = new List<(DataModule Module, Type Step)>();
        foreach (var module in services.GetServices<DataModule>())
        {
            var own = new ServiceCollection();
            module.AddServices(own);
            fromModules.AddRange(
                own.Where(d => d.ServiceType == typeof(IDemoStep)).Select(d => (module, d.ImplementationType!))
            );
        }
        Assert.All(fromModules, m => Assert.Equal(m.Module.GetType().Namespace, m.Step.Namespace));

        var steps = services.GetServices<IDemoStep>().OrderBy(s => s.Order).ToList();
        Assert.Equal(fromModules.Select(m => m.Step.FullName).Order(), steps.Select(s => s.GetType().FullName).Order());
        // No two steps whose order is left to chance.
        Assert.Equal(steps.Count, steps.Select(s => s.Order).Distinct().Count());
        // What the steps rely on (a new service's step only needs an order of its own): Grades reads the
        // skills' ids; Documents, Memos and Assignments draw their files from one random, in that order.
        var order = steps.Select(s => s.GetType().Namespace!.Split('.')[^1]).ToList();
        Assert.True(order.IndexOf("Skills") < order.IndexOf("Grades"));
        Assert.Equal(
            ["Documents", "Memos", "Assignments"],
            order.Where(n => n is "Documents" or "Memos" or "Assignments")
        );
    }

    [Fact]
    public async Task AStepRegisteredInTheContainer_RunsInItsOrder_WithWhatEarlierStepsHandedOver()
    {
        var probe = new ProbeStep();
        await using var database = await TestDatabase.CreateAsync(
            seedDemo: true,
            configure: s => s.AddSingleton<IDemoStep>(probe),
            fromTemplate: false
        );

        Assert.Equal(1, probe.Runs);
        Assert.NotEmpty(probe.SkillIds); // Skills (40) ran before it
        Assert.False(probe.MarksBefore); // Grades (60) had not
        await using var db = database.NewContext();
        Assert.True(await db.Set<Assessment>().AnyAsync()); // and ran after it, in the same seeding
    }

    [Fact]
    public async Task AServiceSwitchedOffInASchool_ItsStepSeedsNothingThere()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.NewContext();
        var lumiere = await db.Schools.SingleAsync(s => s.Slug == "lycee-lumiere");
        await db.SwitchAsync(lumiere.Id, EntService.Memos, on: false);
        var before = await db.Memos.GroupBy(m => m.SchoolId).ToDictionaryAsync(g => g.Key, g => g.Count());

        // The Memos step once more, on the académie as it is now: another random for the files' ids.
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var calendar = new DemoCalendar(DateOnly.FromDateTime(SchoolTime.ToLocal(now)));
        var world = await DemoWorld.LoadAsync(db, calendar, now, default);
        var files = new DemoFiles(database.Get<IBlobStore>(), new Random(99));
        var demo = new DemoContext(db, world, DemoTimetable.Build(world, new Random(1)), files);
        await using (var transaction = await db.Database.BeginTransactionAsync()) // as the seeder runs it
        {
            await database.Get<IEnumerable<IDemoStep>>().Single(s => s is MemosDemoStep).SeedAsync(demo, default);
            await transaction.CommitAsync();
        }

        var after = await db.Memos.GroupBy(m => m.SchoolId).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.Equal(before[lumiere.Id], after[lumiere.Id]);
        Assert.All(before.Keys.Where(id => id != lumiere.Id), id => Assert.True(after[id] > before[id]));
    }

    private sealed class ProbeStep : IDemoStep
    {
        public int Order => 45;
        public int Runs { get; private set; }
        public IReadOnlyDictionary<(int SchoolId, string Code), int> SkillIds { get; private set; } =
            new Dictionary<(int, string), int>();
        public bool MarksBefore { get; private set; }

        public async Task SeedAsync(DemoContext demo, CancellationToken ct)
        {
            Runs++;
            SkillIds = demo.Handover.SkillIds;
            MarksBefore = await demo.Db.Set<Assessment>().AnyAsync(ct);
        }
    }
}
