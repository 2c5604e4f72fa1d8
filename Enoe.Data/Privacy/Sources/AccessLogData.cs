using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>Who read the person's data (the access log), as "Mes données" shows it.</summary>
internal sealed class AccessLogData : IPersonalDataSource
{
    public string Name => "access-log";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct) =>
        PersonalDataPart.Of(
            await db.Set<DataAccessEntry>()
                .Where(e => e.StudentId == personId)
                .OrderByDescending(e => e.At)
                .Select(e => new
                {
                    e.At,
                    Kind = e.Kind.ToString(),
                    e.ReaderName,
                    e.ReaderFunction,
                })
                .ToListAsync(ct)
        );
}
