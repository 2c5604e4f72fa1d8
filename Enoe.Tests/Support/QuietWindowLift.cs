using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// The shared app hosts run on the real clock: run at night or on a weekend, every journey that sends a mémo or
/// publishes homework would see it held by the right to disconnect. Their établissements lift the window around
/// today, as a direction does for a school trip, and show marks to parents with their children, as a direction may
/// (the window and the delay have tests of their own, on a fake clock).
/// </summary>
public static class QuietWindowLift
{
    public static async Task ApplyAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow));
        List<int> schools;
        try
        {
            schools = await db.Schools.Select(s => s.Id).ToListAsync();
        }
        catch (System.Data.Common.DbException)
        {
            return; // a host that leaves its database to be migrated elsewhere has no établissement yet
        }
        db.AddRange(
            schools.Select(id => new QuietException
            {
                SchoolId = id,
                From = today.AddDays(-1),
                To = today.AddDays(3),
                Label = "Tests de bout en bout",
            })
        );
        var set = await db.Set<QuietHours>().Select(q => q.SchoolId).ToListAsync();
        db.AddRange(schools.Except(set).Select(id => new QuietHours { SchoolId = id, ParentMarkDelayHours = 0 }));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two hosts on one database (the two-instance tests) started together: the other one lifted it.
        }
    }
}
