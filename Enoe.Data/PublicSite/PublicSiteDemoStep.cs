using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Demo;
using Enoe.Data.Schools;

namespace Enoe.Data.PublicSite;

/// <summary>Order 10: each school's news and practical pages, signed by its staff (needs no other step).</summary>
internal sealed class PublicSiteDemoStep : IDemoStep
{
    public int Order => 10;

    public Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        // The first person of that name, as the académie was seeded (id order).
        int Staff(string name) => demo.World.People.Values.First(p => p.Name == name).Id;
        var articles = demo.SchoolsRunning(EntService.PublicSite)
            .SelectMany(school =>
                PublicSiteDemo.For(
                    school,
                    DemoSchools.All.First(s => s.Slug == school.Slug),
                    Staff,
                    demo.Calendar,
                    demo.Now
                )
            );
        return DemoBulk.InsertAsync(demo.Db, articles, ct);
    }
}
