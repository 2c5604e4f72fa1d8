using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Logbook;

/// <summary>Writing passes the carnet's switch of the établissement the entry or class belongs to.</summary>
public sealed partial class LogbookService
{
    private ValueTask<Refusal?> EntryGateAsync(CurrentUser user, int entryId, CancellationToken ct) =>
        access.RefusalForAsync(
            dbFactory,
            user,
            EntService.Logbook,
            db => db.Set<LogbookEntry>().Where(e => e.Id == entryId).Select(e => e.SchoolId),
            ct
        );

    private ValueTask<Refusal?> AudienceGateAsync(CurrentUser user, int? classId, int? groupId, CancellationToken ct) =>
        access.RefusalForAsync(
            dbFactory,
            user,
            EntService.Logbook,
            db => DataSchoolGate.SchoolOfAudience(db, classId, groupId),
            ct
        );
}
