using Enoe.Data.Documents;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>The documents in the person's own space (not deleted), with their bytes.</summary>
internal sealed class DocumentsData : IPersonalDataSource
{
    public string Name => "documents";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct)
    {
        var documents = await db.Set<Document>()
            .Where(d => d.Space!.OwnerId == personId && d.DeletedAt == null)
            .OrderBy(d => d.AddedAt)
            .Select(d => new { File = d.File!, d.AddedAt })
            .AsNoTracking()
            .ToListAsync(ct);
        return new(
            documents.Select(d => new
            {
                d.File.Name,
                d.File.Length,
                d.AddedAt,
            }),
            [.. documents.Select(d => d.File)]
        );
    }
}
