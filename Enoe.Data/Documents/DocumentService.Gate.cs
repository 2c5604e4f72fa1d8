using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Documents;

/// <summary>Every call taking an id passes the Documents switch of the établissement the space belongs to.</summary>
public sealed partial class DocumentService
{
    private ValueTask<Refusal?> SpaceGateAsync(CurrentUser user, int spaceId, CancellationToken ct) =>
        Gate(user, db => db.Set<DocumentSpace>().Where(s => s.Id == spaceId).Select(s => s.SchoolId), ct);

    private ValueTask<Refusal?> FolderGateAsync(CurrentUser user, int folderId, CancellationToken ct) =>
        Gate(
            user,
            db =>
                db.Set<DocumentSpace>()
                    .Where(s => db.Set<Folder>().Any(f => f.Id == folderId && f.SpaceId == s.Id))
                    .Select(s => s.SchoolId),
            ct
        );

    private ValueTask<Refusal?> DocumentGateAsync(CurrentUser user, int documentId, CancellationToken ct) =>
        Gate(user, db => db.Set<Document>().Where(d => d.Id == documentId).Select(d => d.Space!.SchoolId), ct);

    private ValueTask<Refusal?> Gate(
        CurrentUser user,
        Func<EnoeDbContext, IQueryable<int>> school,
        CancellationToken ct
    ) => access.RefusalForAsync(dbFactory, user, EntService.Documents, school, ct);
}
