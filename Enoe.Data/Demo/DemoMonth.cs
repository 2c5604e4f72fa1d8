using Enoe.Data.Bookings;
using Enoe.Data.Schools;
using Enoe.Data.Skills;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Demo;

/// <summary>
/// The month of school life on top of the seeded académie, written straight into the entities in a
/// few batches (rows that others point to, then the rest, then what needs their ids), inside the
/// seeder's transaction: EF for the few hundred rows it tracks well, <see cref="DemoBulk"/> for the
/// thousands. Each part draws from its own seeded random, so changing one leaves the others as they were.
/// </summary>
internal static class DemoMonth
{
    public static async Task SeedAsync(EnoeDbContext db, DemoCalendar calendar, DateTime now, string filesRoot, CancellationToken ct)
    {
        var world = await DemoWorld.LoadAsync(db, calendar, now, ct);
        var timetable = DemoTimetable.Build(world, new Random(1));
        var files = new DemoFiles(filesRoot, new Random(2));
        var lucas = world.Named("lucas.martin").Id;
        var emma = world.Named("emma.martin").Id;
        var claire = world.Named("claire.fontaine").Id;

        // 1. What the rest points to: resources, skills frameworks, document spaces.
        var resources = world.Schools.Where(s => s.Runs(EntService.Bookings)).Select(s => (School: s, Resources: DemoBookings.Resources(s.Id))).ToList();
        db.AddRange(resources.SelectMany(r => r.Resources));
        var frameworks = world.Schools.Where(s => s.Runs(EntService.Skills)).SelectMany(s => SkillFramework.Default.Select(d => new SkillDomain
        {
            SchoolId = s.Id, Code = d.Code, Name = d.Name, Skills = [.. d.Skills.Select(k => new Skill { Code = k.Code, Name = k.Name })],
        })).ToList();
        db.AddRange(frameworks);
        var documents = new DemoDocuments(world, files, new Random(3));
        documents.Build(claire, lucas, emma);
        db.AddRange(documents.Spaces);
        await db.SaveChangesAsync(ct);

        // 2. The month itself, in memory.
        var entries = DemoLogbook.Build(world, timetable, new Random(4));
        var grades = new DemoGrades(world, timetable, new Random(5));
        var marked = grades.Build();
        var memos = new DemoMemos(world, files, new Random(6));
        memos.Build();
        var bookings = new DemoBookings(world, timetable, new Random(7));
        var assignments = new DemoAssignments(world, files, new Random(8));
        assignments.Build(claire);

        // 3. Files first (everything points to them); the few rows EF tracks well; then the thousands, in bulk.
        await files.SaveAsync(db, ct);
        db.AddRange(memos.Memos);
        foreach (var (school, own) in resources)
            db.AddRange(bookings.Build(school, own, school.Kind == SchoolKind.Lycee ? emma : lucas));
        db.AddRange(assignments.Assignments);
        db.AddRange(documents.Folders());
        await db.SaveChangesAsync(ct);
        await DemoBulk.InsertAsync(db, entries, ct);
        await DemoBulk.InsertAsync(db, marked.Select(m => m.Assessment), ct);
        await DemoBulk.InsertAsync(db, marked.SelectMany(m => m.Grades), ct);
        await DemoBulk.InsertAsync(db, assignments.Submissions, ct);
        await DemoBulk.InsertAsync(db, assignments.SubmissionFiles(), ct);

        // 4. What needs the ids just given.
        await DemoBulk.InsertAsync(db, DemoLogbook.Ticks(world, entries, [lucas, emma], new Random(9)), ct);
        var skills = frameworks.SelectMany(d => d.Skills.Select(s => (d.SchoolId, s.Code, s.Id))).ToDictionary(s => (s.SchoolId, s.Code), s => s.Id);
        await DemoBulk.InsertAsync(db, grades.Skills(marked, skills), ct);
        await DemoBulk.InsertAsync(db, memos.Copies(), ct);
        foreach (var memo in memos.Memos) db.Entry(memo).DetectChanges(); // their threads, known now
        await DemoBulk.InsertAsync(db, assignments.Returns(), ct);
        db.AddRange(documents.Documents());
        await db.SaveChangesAsync(ct);
    }
}
