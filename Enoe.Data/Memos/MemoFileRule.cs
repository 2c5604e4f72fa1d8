using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>Who reads a mémo's attachment: its sender and its recipients.</summary>
public sealed class MemoFileRule : IFileReadRule
{
    public EntService Service => EntService.Memos;

    public Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var visible = MemoService.Visible(db, personId);
        return db.Set<MemoAttachment>().AnyAsync(a => a.FileId == fileId && visible.Any(m => m.Id == a.MemoId), ct);
    }
}
