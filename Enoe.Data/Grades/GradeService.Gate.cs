using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Grades;

/// <summary>
/// The switch that decides is the one of the établissement the assessment or class belongs to, whatever the
/// session's: a teacher of two établissements signed into one must not mark the other's classes where Notes is off.
/// </summary>
public sealed partial class GradeService
{
    private ValueTask<Refusal?> GateAsync(CurrentUser user, int assessmentId, CancellationToken ct) =>
        SchoolGateAsync(user, db => db.Set<Assessment>().Where(a => a.Id == assessmentId).Select(a => a.SchoolId), ct);

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
        return await serviceAccess.RefusalAsync(user, EntService.Grades, school ?? user.SchoolId, ct);
    }
}
