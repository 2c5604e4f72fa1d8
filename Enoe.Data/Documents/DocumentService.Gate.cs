using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Documents;

/// <summary>
/// The switch that decides is the one of the établissement the space belongs to, whatever the session's: a teacher
/// of two établissements signed into one must not reach the other's spaces where Documents is off.
/// </summary>
public sealed partial class DocumentService
{
    private ValueTask<Refusal?> SpaceGateAsync(CurrentUser user, int spaceId, CancellationToken ct) =>
        SchoolGateAsync(user, db => db.Set<DocumentSpace>().Where(s => s.Id == spaceId).Select(s => s.SchoolId), ct);

    private ValueTask<Refusal?> FolderGateAsync(CurrentUser user, int folderId, CancellationToken ct) =>
        SchoolGateAsync(
            user,
            db =>
                db.Set<DocumentSpace>()
                    .Where(s => db.Set<Folder>().Any(f => f.Id == folderId && f.SpaceId == s.Id))
                    .Select(s => s.SchoolId),
            ct
        );

    private ValueTask<Refusal?> DocumentGateAsync(CurrentUser user, int documentId, CancellationToken ct) =>
        SchoolGateAsync(
            user,
            db => db.Set<Document>().Where(d => d.Id == documentId).Select(d => d.Space!.SchoolId),
            ct
        );

    /// <summary>The gate of the établissement <paramref name="schoolOf"/> names (the session's when none).</summary>
    private async ValueTask<Refusal?> SchoolGateAsync(
        CurrentUser user,
        Func<EnoeDbContext, IQueryable<int>> schoolOf,
        CancellationToken ct
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var school = await schoolOf(db).Select(s => (int?)s).FirstOrDefaultAsync(ct);
        return await access.RefusalAsync(user, EntService.Documents, school ?? user.SchoolId, ct);
    }
}
