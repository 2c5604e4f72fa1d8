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

    public async Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var views = DocumentService.Views(db, personId);
        var inSpace = await db.Set<Document>()
            .AnyAsync(
                d =>
                    d.FileId == fileId
                    && views.Any(v =>
                        v.Space.Id == d.SpaceId && (d.DeletedAt == null || v.CanManage || d.AddedById == personId)
                    ),
                ct
            );
        if (inSpace)
            return true;
        // Through a share: only while someone who could have shared it may still write to this reader.
        var shared = DocumentService
            .SharedWith(db, personId)
            .Where(s => s.Document!.FileId == fileId && s.Document.DeletedAt == null)
            .Select(s => s.DocumentId);
        return (await DocumentService.StillSharedAsync(db, personId, shared, ct)).Count > 0;
    }
}
