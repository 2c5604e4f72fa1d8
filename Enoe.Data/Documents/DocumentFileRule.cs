using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Documents;

/// <summary>
/// Who reads a document's file: readers of its space (the trash only for who may restore it), and those it is shared
/// with.
/// </summary>
public sealed class DocumentFileRule : IFileReadRule
{
    public EntService Service => EntService.Documents;

    public Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var views = DocumentService.Views(db, personId);
        var shared = DocumentService.SharedWith(db, personId);
        return db.Set<Document>()
            .AnyAsync(
                d =>
                    d.FileId == fileId
                    && (
                        views.Any(v =>
                            v.Space.Id == d.SpaceId && (d.DeletedAt == null || v.CanManage || d.AddedById == personId)
                        ) || (d.DeletedAt == null && shared.Any(s => s.DocumentId == d.Id))
                    ),
                ct
            );
    }
}
