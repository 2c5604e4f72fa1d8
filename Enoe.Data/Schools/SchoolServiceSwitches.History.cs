using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

/// <summary>
/// One recorded change, as the console lists it; <see cref="ChangedBy"/> is null for the command line.
/// </summary>
public sealed record SwitchChangeView(
    DateTime ChangedAt,
    string School,
    string ServiceKey,
    ServiceState Before,
    ServiceState After,
    string? ChangedBy
);

public sealed partial class SchoolServiceSwitches
{
    public const int HistoryMax = 200;

    /// <summary>The latest changes, newest first, in every établissement or in one.</summary>
    public async Task<Result<IReadOnlyList<SwitchChangeView>>> HistoryAsync(
        CurrentUser user,
        int? schoolId = null,
        int count = 50,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Switches_AcademyOnly);
        var changes = db.Set<ServiceSwitchChange>().AsNoTracking();
        if (schoolId is int id)
            changes = changes.Where(c => c.SchoolId == id);
        var rows = await changes
            .OrderByDescending(c => c.ChangedAt)
            .ThenByDescending(c => c.Id)
            .Take(Math.Clamp(count, 1, HistoryMax))
            .Select(c => new SwitchChangeView(
                c.ChangedAt,
                db.Schools.Where(s => s.Id == c.SchoolId).Select(s => s.Name).First(),
                c.ServiceKey,
                c.Before,
                c.After,
                db.Users.Where(p => p.Id == c.ChangedById).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault()
            ))
            .ToListAsync(ct);
        return Result<IReadOnlyList<SwitchChangeView>>.Ok(rows);
    }
}
