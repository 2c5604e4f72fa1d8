using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Grades;

/// <summary>Marking passes the Notes switch of the établissement the assessment or class belongs to.</summary>
public sealed partial class GradeService
{
    private ValueTask<Refusal?> GateAsync(CurrentUser user, int assessmentId, CancellationToken ct) =>
        Gate(user, db => db.Set<Assessment>().Where(a => a.Id == assessmentId).Select(a => a.SchoolId), ct);

    private ValueTask<Refusal?> AudienceGateAsync(CurrentUser user, int? classId, int? groupId, CancellationToken ct) =>
        Gate(user, db => DataSchoolGate.SchoolOfAudience(db, classId, groupId), ct);

    private ValueTask<Refusal?> Gate(
        CurrentUser user,
        Func<EnoeDbContext, IQueryable<int>> school,
        CancellationToken ct
    ) => serviceAccess.RefusalForAsync(dbFactory, user, EntService.Grades, school, ct);
}
