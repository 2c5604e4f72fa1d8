using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Directory;

/// <summary>The stored reports of real syncs, for the admins' page.</summary>
public sealed class DirectoryReports(IDbContextFactory<EnoeDbContext> dbFactory)
{
    public const int MaxCount = 50;

    /// <summary>
    /// The latest runs, most recent first. Académie admins read them whole; a school admin reads only the tallies and
    /// changes of the établissements they administer (never another school's people); anyone else is refused.
    /// </summary>
    public async Task<Result<IReadOnlyList<DirectorySyncReport>>> LatestAsync(
        int viewerId,
        int count,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        HashSet<string>? only = null;
        if (!await db.IsAcademyAdminAsync(viewerId, ct))
        {
            only = (
                await db
                    .Memberships.Where(m => m.PersonId == viewerId && (m.Profiles & Profile.SchoolAdmin) != 0)
                    .Select(m => m.School!.Uai)
                    .ToListAsync(ct)
            ).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (only.Count == 0)
                return Result.Forbidden(DirectoryMessages.Reports_AdminsOnly);
        }
        var runs = await db.Set<DirectorySyncRun>()
            .AsNoTracking()
            .OrderByDescending(r => r.StartedAt)
            .ThenByDescending(r => r.Id)
            .Take(Math.Clamp(count, 1, MaxCount))
            .ToListAsync(ct);
        return Result<IReadOnlyList<DirectorySyncReport>>.Ok([.. runs.Select(r => Visible(r.Read(), only))]);
    }

    private static DirectorySyncReport Visible(DirectorySyncReport report, HashSet<string>? uais)
    {
        if (uais is null)
            return report;
        var mine = new DirectorySyncReport
        {
            Id = report.Id,
            StartedAt = report.StartedAt,
            DryRun = report.DryRun,
            FinishedAt = report.FinishedAt,
            Completed = report.Completed,
            Failure = report.Failure,
            RowsWritten = report.RowsWritten,
            Schools = [.. report.Schools.Where(s => s.Uai is not null && uais.Contains(s.Uai))],
            Changes = [.. report.Changes.Where(c => c.Uai is not null && uais.Contains(c.Uai))],
        };
        // Their own établissements' counts, not the académie's.
        foreach (var tally in mine.Schools)
        {
            mine.Entries.Read += tally.Read;
            mine.Entries.Created += tally.Created;
            mine.Entries.Updated += tally.Updated;
            mine.Entries.Unchanged += tally.Unchanged;
            mine.Entries.Disabled += tally.Disabled;
            mine.Entries.Rejected += tally.Rejected;
            mine.Entries.Gone += tally.Gone;
        }
        return mine;
    }
}
