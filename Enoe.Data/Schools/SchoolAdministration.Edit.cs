using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools;

public sealed partial class SchoolAdministration
{
    /// <summary>
    /// A new établissement running every service, and its first admin when the form asks for one and no directory is
    /// configured (the directory's direction staff administer it then): both in one transaction.
    /// </summary>
    public async Task<Result<CreatedSchool>> CreateAsync(
        CurrentUser user,
        SchoolForm form,
        CancellationToken ct = default
    )
    {
        // One scope for this operation: Identity's UserManager writes the admin through the scope's context, the
        // same one that writes the school, so a refused account leaves no établissement behind.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Console_AcademyOnly);
        var errors = await CheckAsync(db, form, null, ct);
        if (errors.Count > 0)
            return Result.Invalid(errors);
        var academyId = await db.Academies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(ct);
        var school = new School
        {
            AcademyId = academyId,
            Uai = "",
            Name = "",
            Slug = "",
        };
        form.ApplyTo(school);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Schools.Add(school);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Contention.IsDuplicate(e))
        {
            return Result.Conflict(SchoolMessages.School_ChangedMeanwhile);
        }
        CreatedAccount? admin = null;
        if (form.Admin is not null && !AdminsFromDirectory)
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var created = await accounts.CreateFirstAdminAsync(school.Id, form.Admin, ct);
            if (!created.Succeeded)
                return created.Failure; // the transaction, undisposed of a commit, rolls the school back
            admin = created.Value;
        }
        await transaction.CommitAsync(ct);
        await access.ForgetAsync([school.Id]); // the académie's list shows it at once
        return Result<CreatedSchool>.Ok(new CreatedSchool(school.Id, school.Slug, admin));
    }

    /// <summary>Writes the form over the établissement; its first admin part is ignored here.</summary>
    public async Task<Result> UpdateAsync(CurrentUser user, int id, SchoolForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (school, refusal) = await EditableAsync(db, user, id, ct);
        if (school is null)
            return refusal!;
        var errors = await CheckAsync(db, form, id, ct);
        if (errors.Count > 0)
            return Result.Invalid(errors);
        var before = ServiceStates.Of(school, catalog.All);
        var (externalAccess, networks) = (school.ExternalAccess, school.InsideNetworks);
        form.ApplyTo(school);
        RecordChanges(db, school, before, user.PersonId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Contention.IsDuplicate(e))
        {
            return Result.Conflict(SchoolMessages.School_ChangedMeanwhile);
        }
        if (externalAccess != school.ExternalAccess || networks != school.InsideNetworks)
            await PublishAsync([id]);
        else // its name, town, colours...: the public site and the académie's list show them
            await access.ForgetAsync([id]);
        return Result.Ok();
    }

    /// <summary>
    /// Archives the établissement (kept with its history; gone from the public site, the lists and sign-in: every
    /// service is off) or brings it back.
    /// </summary>
    public async Task<Result> SetArchivedAsync(CurrentUser user, int id, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (school, refusal) = await EditableAsync(db, user, id, ct);
        if (school is null)
            return refusal!;
        if (school.ArchivedAt is not null == archived)
            return Result.Ok();
        var before = ServiceStates.Of(school, catalog.All);
        school.ArchivedAt = archived ? clock.GetUtcNow().UtcDateTime : null;
        RecordChanges(db, school, before, user.PersonId);
        await db.SaveChangesAsync(ct);
        await PublishAsync([id]);
        return Result.Ok();
    }

    /// <summary>The établissement with its switches, for an académie admin; else why not.</summary>
    private static async Task<(School? School, Refusal? Refusal)> EditableAsync(
        EnoeDbContext db,
        CurrentUser user,
        int id,
        CancellationToken ct
    )
    {
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return (null, Result.Forbidden(SchoolMessages.Console_AcademyOnly));
        var school = await db
            .Schools.Include(s => s.ClosedServices)
            .Include(s => s.InsideOnlyServices)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        return school is null ? (null, Result.NotFound(SchoolMessages.School_NotFound)) : (school, null);
    }
}
