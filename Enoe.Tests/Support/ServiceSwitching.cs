using System.Reflection;
using Enoe.Data;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Support;

/// <summary>
/// Switches ENT services off and on in a test's établissement, as the académie's page does (rows in ClosedServices).
/// </summary>
public static class ServiceSwitching
{
    /// <summary>Every service the modules declare (the static values of <see cref="EntService"/>).</summary>
    public static readonly EntService[] Every =
    [
        .. typeof(EntService)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(EntService))
            .Select(f => (EntService)f.GetValue(null)!),
    ];

    /// <summary>The établissement runs exactly every service but <paramref name="off"/>.</summary>
    public static async Task RunAllButAsync(this EnoeDbContext db, int schoolId, params EntService[] off)
    {
        await db.Set<ClosedService>().Where(c => c.SchoolId == schoolId).ExecuteDeleteAsync();
        db.AddRange(off.Select(s => new ClosedService { SchoolId = schoolId, ServiceKey = s.Key }));
        await db.SaveChangesAsync();
    }

    /// <summary>Switches one service, leaving the others as they are (the demo closes some in some schools).</summary>
    public static async Task SwitchAsync(this EnoeDbContext db, int schoolId, EntService service, bool on)
    {
        await db.Set<ClosedService>()
            .Where(c => c.SchoolId == schoolId && c.ServiceKey == service.Key)
            .ExecuteDeleteAsync();
        if (!on)
        {
            db.Add(new ClosedService { SchoolId = schoolId, ServiceKey = service.Key });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The établissement runs only <paramref name="on"/>.</summary>
    public static Task RunOnlyAsync(this EnoeDbContext db, int schoolId, params EntService[] on) =>
        db.RunAllButAsync(schoolId, [.. Every.Except(on)]);
}
