using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

/// <summary>
/// The gate of the établissement a piece of data belongs to, whatever the session's: a teacher of two établissements
/// signed into one must not mark, write or open the other's where its service is off or it is archived.
/// </summary>
public static class DataSchoolGate
{
    /// <summary>
    /// <see cref="ServiceAccess.RefusalAsync"/> for the établissement <paramref name="schoolOf"/> finds (one id), or
    /// the session's when it finds none (an unknown id: the service's own answer follows).
    /// </summary>
    public static async ValueTask<Refusal?> RefusalForAsync(
        this ServiceAccess access,
        IDbContextFactory<EnoeDbContext> dbFactory,
        CurrentUser user,
        EntService service,
        Func<EnoeDbContext, IQueryable<int>> schoolOf,
        CancellationToken ct
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var school = await schoolOf(db).Select(s => (int?)s).FirstOrDefaultAsync(ct);
        return await access.RefusalAsync(user, service, school ?? user.SchoolId, ct);
    }

    /// <summary>The établissement of a class, or else of a teaching group.</summary>
    public static IQueryable<int> SchoolOfAudience(EnoeDbContext db, int? classId, int? groupId) =>
        classId is not null
            ? db.Classes.Where(c => c.Id == classId).Select(c => c.SchoolId)
            : db.Groups.Where(g => g.Id == groupId).Select(g => g.SchoolId);
}
