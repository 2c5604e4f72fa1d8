using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Logbook;

/// <summary>An entry's attachments are read by whoever reads the entry.</summary>
public sealed class LogbookFileRule : IFileReadRule
{
    public EntService Service => EntService.Logbook;

    public Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var readable = LogbookService.Readable(db, personId);
        return db.Set<LogbookAttachment>()
            .AnyAsync(a => a.FileId == fileId && readable.Any(e => e.Id == a.EntryId), ct);
    }
}
