using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enoe.Data.SchoolLife;

/// <summary>
/// The établissement's list of motives: read by families when they justify, edited by the vie scolaire (added,
/// renamed, reordered, said admissible or not, withdrawn). An établissement starts with <see cref="DefaultMotives"/>.
/// </summary>
public sealed partial class AttendanceService
{
    /// <summary>The établissement's motives in order, the withdrawn ones last, for the vie scolaire.</summary>
    public async Task<Result<IReadOnlyList<MotiveView>>> MotivesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        var motives = await MotiveListAsync(db, user.SchoolId!.Value, withArchived: true, ct);
        return Result<IReadOnlyList<MotiveView>>.Ok([.. motives.OrderBy(m => m.Archived)]);
    }

    /// <summary>Adds a motive (no id) or renames one / changes whether it is admissible.</summary>
    public async Task<Result> SaveMotiveAsync(CurrentUser user, MotiveDraft draft, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        var school = user.SchoolId!.Value;
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
            return Result.Invalid([SchoolLifeMessages.Motive_NameRequired]);
        if (name.Length > AbsenceMotive.NameMax)
            return Result.Invalid([SchoolLifeMessages.FormatMotive_NameTooLong(AbsenceMotive.NameMax)]);
        await using var turn = await db.BeginTurnAsync<School>(school, ct);
        var all = await EditedMotivesAsync(db, school, ct);
        if (all.Any(m => m.Id != draft.Id && string.Equals(m.Name, name, StringComparison.CurrentCultureIgnoreCase)))
            return Result.Invalid([SchoolLifeMessages.Motive_NameTaken]);
        var motive = draft.Id is int id ? all.FirstOrDefault(m => m.Id == id) : null;
        if (draft.Id is not null && motive is null)
            return Result.NotFound();
        // Whether it is admissible decides past counts (the conseil de classe's): a motive in use keeps it.
        if (motive is not null && motive.Admissible != draft.Admissible)
            if (await db.Set<Absence>().AnyAsync(a => a.MotiveId == motive.Id, ct))
                return Result.Invalid([SchoolLifeMessages.Motive_AdmissibleInUse]);
        if (motive is null)
        {
            motive = new AbsenceMotive { SchoolId = school, Position = all.Max(m => m.Position) + 1 };
            db.Add(motive);
        }
        (motive.Name, motive.Admissible) = (name, draft.Admissible);
        return await SaveMotivesAsync(db, turn, ct);
    }

    /// <summary>Moves a motive one place up (or down) the list families read.</summary>
    public async Task<Result> MoveMotiveAsync(CurrentUser user, int motiveId, bool up, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        await using var turn = await db.BeginTurnAsync<School>(user.SchoolId!.Value, ct);
        var list = await db.Set<AbsenceMotive>()
            .Where(m => m.SchoolId == user.SchoolId && !m.Archived)
            .OrderBy(m => m.Position)
            .ToListAsync(ct);
        var at = list.FindIndex(m => m.Id == motiveId);
        if (at < 0)
            return Result.NotFound();
        var other = up ? at - 1 : at + 1;
        if (other < 0 || other >= list.Count)
            return Result.Ok(); // already first (or last)
        (list[at].Position, list[other].Position) = (list[other].Position, list[at].Position);
        return await SaveMotivesAsync(db, turn, ct);
    }

    /// <summary>
    /// Withdraws a motive from the list: deleted when no absence uses it, otherwise archived (those absences keep
    /// it). The list always keeps one motive at least, or families could not justify.
    /// </summary>
    public async Task<Result> RemoveMotiveAsync(CurrentUser user, int motiveId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        await using var turn = await db.BeginTurnAsync<School>(user.SchoolId!.Value, ct);
        var motive = await db.Set<AbsenceMotive>()
            .FirstOrDefaultAsync(m => m.Id == motiveId && m.SchoolId == user.SchoolId, ct);
        if (motive is null || motive.Archived)
            return Result.NotFound();
        if (
            !await db.Set<AbsenceMotive>()
                .AnyAsync(m => m.SchoolId == motive.SchoolId && !m.Archived && m.Id != motiveId, ct)
        )
            return Result.Invalid([SchoolLifeMessages.Motive_KeepOne]);
        if (await db.Set<Absence>().AnyAsync(a => a.MotiveId == motiveId, ct))
            motive.Archived = true;
        else
            db.Remove(motive);
        return await SaveMotivesAsync(db, turn, ct);
    }

    /// <summary>Offers a withdrawn motive again, at the end of the list.</summary>
    public async Task<Result> RestoreMotiveAsync(CurrentUser user, int motiveId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        var school = user.SchoolId!.Value;
        await using var turn = await db.BeginTurnAsync<School>(school, ct);
        var motive = await db.Set<AbsenceMotive>()
            .FirstOrDefaultAsync(m => m.Id == motiveId && m.SchoolId == school && m.Archived, ct);
        if (motive is null)
            return Result.NotFound();
        motive.Archived = false;
        motive.Position =
            await db.Set<AbsenceMotive>().Where(m => m.SchoolId == school).MaxAsync(m => m.Position, ct) + 1;
        return await SaveMotivesAsync(db, turn, ct);
    }

    /// <summary>
    /// The établissement's motives in order (one query); the first time, its default list is written.
    /// </summary>
    internal static async Task<List<MotiveView>> MotiveListAsync(
        EnoeDbContext db,
        int school,
        bool withArchived,
        CancellationToken ct
    )
    {
        var motives = await ReadMotives(db, school, withArchived).ToListAsync(ct);
        if (motives.Count > 0)
            return motives;
        // None read: the list is all withdrawn, not written yet, or written by another first read since the read
        // above (then it is read again, never answered empty).
        if (!await db.Set<AbsenceMotive>().AnyAsync(m => m.SchoolId == school, ct))
            await WriteDefaultsAsync(db, school, ct);
        return await ReadMotives(db, school, withArchived).ToListAsync(ct);
    }

    /// <summary>
    /// The établissement's motives, withdrawn ones too, to change (one query); the first time, its default list is
    /// written before (a change never starts an empty list).
    /// </summary>
    private static async Task<List<AbsenceMotive>> EditedMotivesAsync(
        EnoeDbContext db,
        int school,
        CancellationToken ct
    )
    {
        var all = await db.Set<AbsenceMotive>().Where(m => m.SchoolId == school).ToListAsync(ct);
        if (all.Count > 0)
            return all;
        await WriteDefaultsAsync(db, school, ct);
        return await db.Set<AbsenceMotive>().Where(m => m.SchoolId == school).ToListAsync(ct);
    }

    private static async Task WriteDefaultsAsync(EnoeDbContext db, int school, CancellationToken ct)
    {
        db.AddRange(
            DefaultMotives.All.Select(
                (m, i) =>
                    new AbsenceMotive
                    {
                        SchoolId = school,
                        Name = m.Name,
                        Admissible = m.Admissible,
                        Position = i + 1,
                    }
            )
        );
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another first read wrote them at the same moment: read theirs
        }
    }

    private static IQueryable<MotiveView> ReadMotives(EnoeDbContext db, int school, bool withArchived) =>
        db.Set<AbsenceMotive>()
            .Where(m => m.SchoolId == school && (withArchived || !m.Archived))
            .OrderBy(m => m.Position)
            .Select(m => new MotiveView(
                m.Id,
                m.Name,
                m.Admissible,
                m.Archived,
                db.Set<Absence>().Any(a => a.MotiveId == m.Id)
            ));

    /// <summary>Whether the motive is one the établissement offers now.</summary>
    private static Task<bool> OffersMotiveAsync(EnoeDbContext db, int school, int motiveId, CancellationToken ct) =>
        db.Set<AbsenceMotive>().AnyAsync(m => m.Id == motiveId && m.SchoolId == school && !m.Archived, ct);

    /// <summary>
    /// Whether a write a foreign key refused had lost its motive: withdrawn (and deleted, no absence using it) by
    /// another manager between the check and the write. Read in a context of its own: the write's is spent.
    /// </summary>
    private async Task<bool> MotiveWithdrawnAsync(int school, int? motive, CancellationToken ct)
    {
        if (motive is not int id)
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return !await OffersMotiveAsync(db, school, id, ct);
    }

    /// <summary>
    /// Saves a change to the établissement's list, made in its turn: two managers withdrawing the last two motives
    /// at once would leave none, two moves at once would give two motives one place. The change's reads and its
    /// write are one transaction holding the établissement's row (PostgreSQL; SQLite's write transactions take turns
    /// already), begun with <see cref="RowLocks.BeginTurnAsync{TEntity}"/>.
    /// </summary>
    private static async Task<Result> SaveMotivesAsync(
        EnoeDbContext db,
        IDbContextTransaction turn,
        CancellationToken ct
    )
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await turn.CommitAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateException)
        {
            return Result.Conflict(SchoolLifeMessages.Motive_Changed); // the same name written at the same moment
        }
    }
}
