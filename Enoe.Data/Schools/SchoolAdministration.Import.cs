using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>A column of the CSV whose value an import changes.</summary>
public enum ImportField
{
    Name,
    Kind,
    City,
    Network,
    Services,
    ExternalAccess,
}

/// <summary>One value an import changes, both written as the file writes them.</summary>
public sealed record FieldChange(ImportField Field, string Before, string After);

public sealed record ImportRow(
    int Line,
    string Uai,
    string Name,
    ImportOutcome Outcome,
    IReadOnlyList<FieldChange> Changes
);

public sealed record ImportPreview(IReadOnlyList<ImportRow> Rows)
{
    public int Count(ImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}

public sealed partial class SchoolAdministration
{
    /// <summary>What importing <paramref name="file"/> would change; nothing is written.</summary>
    public async Task<Result<ImportPreview>> PreviewImportAsync(
        CurrentUser user,
        byte[] file,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Console_AcademyOnly);
        return await ImportAsync(db, file, null, apply: false, ct);
    }

    /// <summary>Imports the file whole, in one transaction, or nothing when one line is bad.</summary>
    public async Task<Result<ImportPreview>> ImportAsync(CurrentUser user, byte[] file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Console_AcademyOnly);
        return await ImportAsync(db, file, user.PersonId, apply: true, ct);
    }

    /// <summary>
    /// The command line's import (<c>--import-etablissements</c>, a deployment script run by the server's operator):
    /// no person is signed in, and the switch changes it records name nobody.
    /// </summary>
    public async Task<Result<ImportPreview>> ImportAsSystemAsync(byte[] file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ImportAsync(db, file, null, apply: true, ct);
    }

    private async Task<Result<ImportPreview>> ImportAsync(
        EnoeDbContext db,
        byte[] file,
        int? personId,
        bool apply,
        CancellationToken ct
    )
    {
        var read = csv.Read(file);
        if (read.Errors.Count > 0)
            return Result.Invalid(read.Errors);
        await using var transaction = apply ? await db.Database.BeginTransactionAsync(ct) : null;
        var uais = read.Lines.Select(l => l.Uai).ToList();
        if (transaction is not null)
            // The établissements' turn, before their services are read: an admin switching one of them meanwhile
            // waits, then sees what the file wrote (SchoolServiceSwitches locks them the same way, in id order).
            // Without it, PostgreSQL let both write from the same states: the import then failed on the row the
            // switch had removed, or the history recorded a change twice.
            await db.LockAllAsync<School>(
                await db.Schools.Where(s => uais.Contains(s.Uai)).Select(s => s.Id).ToListAsync(ct),
                ct
            );
        var existing = await db
            .Schools.Include(s => s.ClosedServices)
            .Include(s => s.InsideOnlyServices)
            .AsSplitQuery()
            .Where(s => uais.Contains(s.Uai))
            .ToDictionaryAsync(s => s.Uai, StringComparer.Ordinal, ct);
        var slugs = (await db.Schools.Select(s => s.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var academyId = await db.Academies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(ct);
        var rows = new List<ImportRow>();
        var touched = new List<School>();
        foreach (var line in read.Lines)
        {
            if (existing.TryGetValue(line.Uai, out var school))
            {
                var changes = Changes(LineOf(school), line);
                rows.Add(
                    new(
                        line.Line,
                        line.Uai,
                        line.Name,
                        changes.Count == 0 ? ImportOutcome.Unchanged : ImportOutcome.Updated,
                        changes
                    )
                );
                if (changes.Count == 0)
                    continue;
                var before = ServiceStates.Of(school, catalog.All);
                Apply(line, school);
                RecordChanges(db, school, before, personId);
            }
            else
            {
                school = new School
                {
                    AcademyId = academyId,
                    Uai = line.Uai,
                    Name = line.Name,
                    Slug = SchoolSlugs.Unique(line.Name, slugs),
                };
                slugs.Add(school.Slug);
                Apply(line, school);
                db.Schools.Add(school);
                rows.Add(new(line.Line, line.Uai, line.Name, ImportOutcome.Created, Changes(null, line)));
            }
            touched.Add(school);
        }
        if (transaction is null)
            return Result<ImportPreview>.Ok(new ImportPreview(rows));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (Contention.IsDuplicate(e))
        {
            return Result.Conflict(SchoolMessages.School_ChangedMeanwhile);
        }
        await PublishAsync(touched.Select(s => s.Id));
        return Result<ImportPreview>.Ok(new ImportPreview(rows));
    }

    /// <summary>Writes the line's values; among the switches, only those of services the file speaks of.</summary>
    private void Apply(SchoolCsvLine line, School school)
    {
        (school.Name, school.Kind, school.City, school.Network, school.ExternalAccess) = (
            line.Name,
            line.Kind,
            line.City,
            line.Network,
            line.ExternalAccess
        );
        foreach (var service in csv.Services)
        {
            var closed = school.ClosedServices.FirstOrDefault(c => c.ServiceKey == service.Key);
            if (line.Running.Contains(service) && closed is not null)
                school.ClosedServices.Remove(closed);
            else if (!line.Running.Contains(service) && closed is null)
                school.ClosedServices.Add(new ClosedService { ServiceKey = service.Key });
        }
    }

    /// <summary>
    /// The établissement as a line of the file (its services: those of the file's vocabulary running).
    /// </summary>
    private SchoolCsvLine LineOf(School s)
    {
        var closed = s.ClosedServices.Select(c => c.ServiceKey).ToHashSet(StringComparer.Ordinal);
        return new(
            0,
            s.Uai,
            s.Name,
            s.Kind,
            s.City,
            s.Network,
            csv.Services.Where(x => !closed.Contains(x.Key)).ToHashSet(),
            s.ExternalAccess
        );
    }

    private List<FieldChange> Changes(SchoolCsvLine? was, SchoolCsvLine now)
    {
        var changes = new List<FieldChange>();
        void Compare(ImportField field, string? before, string after)
        {
            if (before is null ? after.Length > 0 : before != after)
                changes.Add(new(field, before ?? "", after));
        }
        Compare(ImportField.Name, was?.Name, now.Name);
        Compare(ImportField.Kind, was is null ? null : SchoolCsv.CodeOf(was.Kind), SchoolCsv.CodeOf(now.Kind));
        Compare(ImportField.City, was is null ? null : was.City ?? "", now.City ?? "");
        Compare(ImportField.Network, was is null ? null : SchoolCsv.CodeOf(was.Network), SchoolCsv.CodeOf(now.Network));
        Compare(ImportField.Services, was is null ? null : csv.CodesOf(was.Running), csv.CodesOf(now.Running));
        Compare(
            ImportField.ExternalAccess,
            was is null ? null : SchoolCsv.CodeOf(was.ExternalAccess),
            SchoolCsv.CodeOf(now.ExternalAccess)
        );
        return changes;
    }

    /// <summary>The établissements (archived ones left out) in the import's format.</summary>
    public async Task<Result<byte[]>> ExportAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Console_AcademyOnly);
        var schools = await db
            .Schools.AsNoTracking()
            .Include(s => s.ClosedServices)
            .Where(s => s.ArchivedAt == null)
            .OrderBy(s => s.Uai)
            .ToListAsync(ct);
        return Result<byte[]>.Ok(csv.Write(schools.Select(LineOf)));
    }
}
