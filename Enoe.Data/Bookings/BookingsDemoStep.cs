using Enoe.Data.Demo;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Bookings;

/// <summary>Order 30: the académie's holidays, then each school's resources and its month of bookings.</summary>
internal sealed class BookingsDemoStep : IDemoStep
{
    public int Order => 30;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var db = demo.Db;
        // The académie's calendar, for every school: a series of bookings skips it.
        await DemoBulk.InsertAsync(db, BookingsDemo.Holidays(demo.Calendar), ct);
        var resources = demo.SchoolsRunning(EntService.Bookings)
            .Select(s => (School: s, Resources: BookingsDemo.Resources(s.Id)))
            .ToList();
        db.AddRange(resources.SelectMany(r => r.Resources));
        await db.SaveChangesAsync(ct);
        var bookings = new BookingsDemo(demo.World, demo.Timetable, new Random(7));
        foreach (var (school, own) in resources)
            db.AddRange(bookings.Build(school, own, school.Kind == SchoolKind.Lycee ? demo.Emma : demo.Lucas));
        await db.SaveChangesAsync(ct);
    }
}
