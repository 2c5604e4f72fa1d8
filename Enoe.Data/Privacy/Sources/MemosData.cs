using Enoe.Data.Memos;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>Mémos received (still in a folder of theirs) and sent, with the attachments they sent.</summary>
internal sealed class MemosData : IPersonalDataSource
{
    public string Name => "memos";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct)
    {
        var received = await db.Set<MemoRecipient>()
            .Where(r => r.PersonId == personId && r.Folder != MemoFolder.Deleted)
            .OrderBy(r => r.Memo!.SentAt)
            .Select(r => new
            {
                From = r.Memo!.Sender!.FirstName + " " + r.Memo.Sender.LastName,
                r.Memo.To,
                r.Memo.Subject,
                r.Memo.Body,
                r.Memo.SentAt,
                r.ReadAt,
                Folder = r.Folder.ToString(),
            })
            .ToListAsync(ct);
        var sent = await db
            .Memos.Where(m => m.SenderId == personId && m.SenderFolder != MemoFolder.Deleted)
            .OrderBy(m => m.SentAt)
            .Select(m => new
            {
                m.To,
                m.Subject,
                m.Body,
                m.SentAt,
                Attachments = m.Attachments.Select(a => a.File!.Name).ToList(),
            })
            .ToListAsync(ct);
        var files = await db
            .Memos.Where(m => m.SenderId == personId && m.SenderFolder != MemoFolder.Deleted)
            .SelectMany(m => m.Attachments.Select(a => a.File!))
            .AsNoTracking()
            .ToListAsync(ct);
        return new(new { received, sent }, files);
    }
}
