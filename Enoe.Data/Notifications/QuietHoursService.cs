using Enoe.Data.Caching;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

/// <summary>
/// Each établissement's quiet window: read by every sender (cached per établissement, shared between instances,
/// dropped when the direction changes it), edited by the direction (<see cref="Right.QuietHoursManage"/>).
/// </summary>
public sealed class QuietHoursService(IDbContextFactory<EnoeDbContext> dbFactory, EnoeCache cache, TimeProvider clock)
{
    public const int LabelMax = 120;
    public const int DelayMaxHours = 72;

    private static string Tag(int schoolId) => $"quiet:school:{schoolId}";

    public ValueTask<QuietWindow> WindowAsync(int schoolId, CancellationToken ct = default) =>
        cache.GetOrCreateAsync($"quiet:window:{schoolId}", c => LoadAsync(schoolId, c), [Tag(schoolId)], ct);

    /// <summary>The window as the direction edits it; refused to anyone else.</summary>
    public async Task<Result<QuietWindow>> SettingsAsync(CurrentUser user, int schoolId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.HoldsAsync(user.PersonId, schoolId, Right.QuietHoursManage, ct))
            return Result.Forbidden();
        return Result<QuietWindow>.Ok(await LoadAsync(schoolId, ct));
    }

    /// <summary>Saves the hours, the weekend, the staff exemption and the parents' delay for marks.</summary>
    public async Task<Result> SaveAsync(
        CurrentUser user,
        int schoolId,
        QuietHoursForm form,
        CancellationToken ct = default
    )
    {
        var errors = new List<string>();
        if (form.Morning >= form.Evening)
            errors.Add(NotificationMessages.Quiet_Hours);
        if (form.ParentMarkDelayHours is < 0 or > DelayMaxHours)
            errors.Add(NotificationMessages.Quiet_Delay);
        if (errors.Count > 0)
            return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.HoldsAsync(user.PersonId, schoolId, Right.QuietHoursManage, ct))
            return Result.Forbidden();
        var row = await db.Set<QuietHours>().FirstOrDefaultAsync(q => q.SchoolId == schoolId, ct);
        if (row is null)
            db.Add(row = new QuietHours { SchoolId = schoolId });
        row.Evening = form.Evening;
        row.Morning = form.Morning;
        row.Weekend = form.Weekend;
        row.StaffExempt = form.StaffExempt;
        row.ParentMarkDelayHours = form.ParentMarkDelayHours;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Contention.IsDuplicate(e))
        {
            return Result.Conflict(NotificationMessages.Quiet_Conflict); // a first save by someone else, just now
        }
        await cache.InvalidateAsync(Tag(schoolId));
        return Result.Ok();
    }

    /// <summary>Lifts the window from one day to another (an internat's evening, exams, a trip).</summary>
    public async Task<Result> LiftAsync(
        CurrentUser user,
        int schoolId,
        DateOnly from,
        DateOnly to,
        string label,
        CancellationToken ct = default
    )
    {
        label = label.Trim();
        var errors = new List<string>();
        if (to < from)
            errors.Add(NotificationMessages.Quiet_ExceptionDates);
        if (label.Length is 0 or > LabelMax)
            errors.Add(NotificationMessages.Quiet_ExceptionLabel);
        if (errors.Count > 0)
            return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.HoldsAsync(user.PersonId, schoolId, Right.QuietHoursManage, ct))
            return Result.Forbidden();
        db.Add(
            new QuietException
            {
                SchoolId = schoolId,
                From = from,
                To = to,
                Label = label,
            }
        );
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(Tag(schoolId));
        return Result.Ok();
    }

    public async Task<Result> RemoveExceptionAsync(
        CurrentUser user,
        int schoolId,
        int id,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.HoldsAsync(user.PersonId, schoolId, Right.QuietHoursManage, ct))
            return Result.Forbidden();
        var removed = await db.Set<QuietException>()
            .Where(e => e.Id == id && e.SchoolId == schoolId)
            .ExecuteDeleteAsync(ct);
        if (removed == 0)
            return Result.NotFound();
        await cache.InvalidateAsync(Tag(schoolId));
        return Result.Ok();
    }

    /// <summary>
    /// The exceptions still to come or under way, with their ids, for the settings page: refused to anyone but those
    /// who edit the window.
    /// </summary>
    public async Task<Result<IReadOnlyList<(int Id, QuietWindow.Lifted Days)>>> ExceptionsAsync(
        CurrentUser user,
        int schoolId,
        CancellationToken ct = default
    )
    {
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.HoldsAsync(user.PersonId, schoolId, Right.QuietHoursManage, ct))
            return Result.Forbidden();
        var rows = await db.Set<QuietException>()
            .Where(e => e.SchoolId == schoolId && e.To >= today)
            .OrderBy(e => e.From)
            .ToListAsync(ct);
        return Result<IReadOnlyList<(int, QuietWindow.Lifted)>>.Ok([
            .. rows.Select(e => (e.Id, new QuietWindow.Lifted(e.From, e.To, e.Label))),
        ]);
    }

    private async ValueTask<QuietWindow> LoadAsync(int schoolId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-7);
        var row = await db.Set<QuietHours>().AsNoTracking().FirstOrDefaultAsync(q => q.SchoolId == schoolId, ct);
        var lifted = await db.Set<QuietException>()
            .Where(e => e.SchoolId == schoolId && e.To >= since)
            .OrderBy(e => e.From)
            .Select(e => new QuietWindow.Lifted(e.From, e.To, e.Label))
            .ToListAsync(ct);
        var defaults = row ?? new QuietHours();
        return new(
            defaults.Evening,
            defaults.Morning,
            defaults.Weekend,
            defaults.StaffExempt,
            defaults.ParentMarkDelayHours,
            lifted
        );
    }
}

public sealed record QuietHoursForm(
    TimeOnly Evening,
    TimeOnly Morning,
    bool Weekend,
    bool StaffExempt,
    int ParentMarkDelayHours
);
