using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Logbook;

/// <summary>
/// The switch that decides is the one of the établissement the entry or class belongs to, whatever the session's: a
/// teacher of two établissements signed into one must not write the other's carnet where it is off.
/// </summary>
public sealed partial class LogbookService
{
    private ValueTask<Refusal?> EntryGateAsync(CurrentUser user, int entryId, CancellationToken ct) =>
        SchoolGateAsync(user, db => db.Set<LogbookEntry>().Where(e => e.Id == entryId).Select(e => e.SchoolId), ct);

    /// <summary>The gate of the établissement of a class or group (the session's when it does not exist).</summary>
    private ValueTask<Refusal?> AudienceGateAsync(CurrentUser user, int? classId, int? groupId, CancellationToken ct) =>
        SchoolGateAsync(
            user,
            db =>
                classId is not null
                    ? db.Classes.Where(c => c.Id == classId).Select(c => c.SchoolId)
                    : db.Groups.Where(g => g.Id == groupId).Select(g => g.SchoolId),
            ct
        );

    private async ValueTask<Refusal?> SchoolGateAsync(
        CurrentUser user,
        Func<EnoeDbContext, IQueryable<int>> schoolOf,
        CancellationToken ct
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var school = await schoolOf(db).Select(s => (int?)s).FirstOrDefaultAsync(ct);
        return await access.RefusalAsync(user, EntService.Logbook, school ?? user.SchoolId, ct);
    }
}
