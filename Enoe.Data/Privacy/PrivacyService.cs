using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Privacy;

/// <summary>
/// "Mes données": the access log of a student (for the student, their responsables and the direction), and the
/// exports of a person's data (asked by the person, or by a parent for a child under 15). Rights are checked here.
/// </summary>
public sealed class PrivacyService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    IEventBus events,
    ExportFiles files,
    DataExportSignal signal,
    IOptions<PrivacyOptions> options
)
{
    public const int PageSize = 25;

    /// <summary>The people whose data this person may look at here: themself and their children.</summary>
    public async Task<IReadOnlyList<DataSubject>> SubjectsAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var children = await db
            .Guardianships.Where(g => g.ParentId == user.PersonId)
            .OrderBy(g => g.Student!.FirstName)
            .Select(g => new DataSubject(g.StudentId, g.Student!.FirstName + " " + g.Student.LastName))
            .ToListAsync(ct);
        return [new(user.PersonId, user.DisplayName), .. children];
    }

    /// <summary>Students of the établissements this person directs whose name matches (at most 20).</summary>
    public async Task<IReadOnlyList<DataSubject>> SearchStudentsAsync(
        CurrentUser user,
        string text,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pattern = TextSearch.Pattern(text);
        var schools = db
            .Memberships.Where(m =>
                m.PersonId == user.PersonId
                && ((m.Functions & StaffFunction.Direction) != 0 || (m.Profiles & Profile.SchoolAdmin) != 0)
            )
            .Select(m => m.SchoolId);
        return await db
            .Memberships.Where(m => schools.Contains(m.SchoolId) && (m.Profiles & Profile.Student) != 0)
            .Select(m => m.Person!)
            .Where(p =>
                EF.Functions.Like(TextSearch.Folded(p.LastName), pattern, TextSearch.Escape)
                || EF.Functions.Like(TextSearch.Folded(p.FirstName), pattern, TextSearch.Escape)
            )
            .OrderBy(p => p.LastName)
            .ThenBy(p => p.FirstName)
            .Select(p => new DataSubject(p.Id, PersonNames.Listed(p.LastName, p.FirstName)))
            .Distinct()
            .Take(20)
            .ToListAsync(ct);
    }

    /// <summary>Who read this student's data, newest first, one page of <see cref="PageSize"/>.</summary>
    public async Task<Result<AccessLogPage>> AccessLogAsync(
        CurrentUser user,
        int studentId,
        int page,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await PrivacyRights.MayReadLogAsync(db, user, studentId, ct))
            return Result.Forbidden(PrivacyMessages.Log_NotYours);
        var entries = db.Set<DataAccessEntry>().Where(e => e.StudentId == studentId);
        var total = await entries.CountAsync(ct);
        var rows = await entries
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, page) * PageSize)
            .Take(PageSize)
            .Select(e => new AccessLogRow(e.At, e.Kind, e.ReaderName, e.ReaderFunction))
            .ToListAsync(ct);
        return Result<AccessLogPage>.Ok(new(total, rows));
    }

    /// <summary>
    /// Asks for a zip of everything about <paramref name="subjectId"/>; one pending at a time per person.
    /// </summary>
    public async Task<Result<int>> RequestExportAsync(CurrentUser user, int subjectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await PrivacyRights.ExportRefusalAsync(db, user, subjectId, options.Value.ChildExportAge, ct) is { } no)
            return no;
        // Two clicks at once make one export.
        await using var transaction = await db.BeginTurnAsync<Person>(subjectId, ct);
        if (
            await db.Set<DataExport>()
                .AnyAsync(x => x.SubjectId == subjectId && x.Status <= DataExportStatus.Running, ct)
        )
            return Result.Conflict(PrivacyMessages.Export_AlreadyPending);
        var export = new DataExport
        {
            SubjectId = subjectId,
            RequestedById = user.PersonId,
            RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(export);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Wake();
        await events.PublishAsync(new DataExportChanged(export.Id, subjectId));
        return Result<int>.Ok(export.Id);
    }

    /// <summary>The exports of a person's data this user may see (as the person, or the parent who may ask).</summary>
    public async Task<IReadOnlyList<ExportView>> ExportsAsync(
        CurrentUser user,
        int subjectId,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await PrivacyRights.ExportRefusalAsync(db, user, subjectId, options.Value.ChildExportAge, ct) is not null)
            return [];
        return await db.Set<DataExport>()
            .Where(x => x.SubjectId == subjectId)
            .OrderByDescending(x => x.RequestedAt)
            .ThenByDescending(x => x.Id)
            .Take(10)
            .Select(x => new ExportView(x.Id, x.Status, x.Progress, x.RequestedAt, x.ExpiresAt, x.SizeBytes))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The zip (the caller disposes it) and a file name, for whoever may ask for this person's export.
    /// </summary>
    public async Task<Result<(Stream Zip, string FileName)>> DownloadAsync(
        CurrentUser user,
        int exportId,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var export = await db.Set<DataExport>()
            .AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == exportId && x.Status == DataExportStatus.Ready && x.ExpiresAt > now, ct);
        if (
            export?.FileKey is null
            || await PrivacyRights.ExportRefusalAsync(db, user, export.SubjectId, options.Value.ChildExportAge, ct)
                is not null
        )
            return Result.NotFound(PrivacyMessages.Export_NotAvailable);
        if (await files.OpenReadAsync(export.FileKey, ct) is not { } zip)
            return Result.NotFound(PrivacyMessages.Export_NotAvailable);
        var day = SchoolTime
            .ToLocal(export.ReadyAt ?? now)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Result<(Stream, string)>.Ok((zip, $"enoe-{day}.zip"));
    }
}
