using System.Text.Json;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Modules;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Statistics;

/// <summary>A table kept at the start of a school year.</summary>
public sealed record DeploymentYear(int SchoolYear, DeploymentTable Table);

/// <summary>
/// How far ENOE is deployed across the académie, for its admins: today's table, and the one kept at the start of
/// each school year. The portal comes first (the dashboard service), then every service in the modules' order.
/// </summary>
public sealed class DeploymentStatistics(
    IDbContextFactory<EnoeDbContext> dbFactory,
    EntServiceCatalog catalog,
    TimeProvider clock
)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Today's table. The first reading of a school year (from 1 September) also keeps it as that year's
    /// start-of-year table, so next year has something to compare with.
    /// </summary>
    public async Task<Result<DeploymentTable>> CurrentAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(StatisticsMessages.AcademyOnly);
        var table = await ComputeAsync(db, ct);
        var year = SchoolYearOf(table.ComputedAt);
        if (!await db.Set<DeploymentSnapshot>().AnyAsync(s => s.SchoolYear == year, ct))
        {
            db.Add(
                new DeploymentSnapshot
                {
                    SchoolYear = year,
                    TakenAt = table.ComputedAt,
                    Figures = Write(table),
                }
            );
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (Contention.IsDuplicate(e)) { } // another admin's reading kept it first
        }
        return Result<DeploymentTable>.Ok(table);
    }

    /// <summary>The start-of-year tables kept, newest first.</summary>
    public async Task<Result<IReadOnlyList<DeploymentYear>>> YearsAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(StatisticsMessages.AcademyOnly);
        var rows = await db.Set<DeploymentSnapshot>()
            .AsNoTracking()
            .OrderByDescending(s => s.SchoolYear)
            .Select(s => new { s.SchoolYear, s.Figures })
            .ToListAsync(ct);
        return Result<IReadOnlyList<DeploymentYear>>.Ok([
            .. rows.Select(r => new DeploymentYear(r.SchoolYear, Read(r.Figures))),
        ]);
    }

    /// <summary>
    /// The school year a moment falls in, named by the year it starts: 1 September (Paris) starts one.
    /// </summary>
    public static int SchoolYearOf(DateTime utc)
    {
        var local = SchoolTime.ToLocal(utc);
        return local.Month >= 9 ? local.Year : local.Year - 1;
    }

    private async Task<DeploymentTable> ComputeAsync(EnoeDbContext db, CancellationToken ct)
    {
        var rows = await db
            .Schools.AsNoTracking()
            .Where(s => s.ArchivedAt == null)
            .Select(s => new
            {
                s.Kind,
                s.ExternalAccess,
                s.Network,
                Closed = s.ClosedServices.Select(c => c.ServiceKey).ToList(),
            })
            .ToListAsync(ct);
        var services = catalog.All.OrderBy(s => s == EntService.Dashboard ? 0 : 1); // the portal first, then in order
        return DeploymentTable.Compute(
            [
                .. rows.Select(r => new DeploymentTable.School(
                    r.Kind,
                    r.ExternalAccess,
                    r.Network,
                    r.Closed.ToHashSet()
                )),
            ],
            services,
            clock.GetUtcNow().UtcDateTime
        );
    }

    private static string Write(DeploymentTable table) => JsonSerializer.Serialize(table, Json);

    private static DeploymentTable Read(string json) => JsonSerializer.Deserialize<DeploymentTable>(json, Json)!;
}
