using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

/// <summary>What the settings page edits in place (hence the setter), and what the service writes.</summary>
public sealed record SchoolSettings(int HomeworkWarningThreshold)
{
    public int HomeworkWarningThreshold { get; set; } = HomeworkWarningThreshold;
}

/// <summary>The settings' rules: the service checks them before writing,
/// the settings form shows them while typing.</summary>
public sealed class SchoolSettingsValidator : AbstractValidator<SchoolSettings>
{
    public SchoolSettingsValidator() =>
        RuleFor(s => s.HomeworkWarningThreshold)
            .InclusiveBetween(SchoolSettingsService.ThresholdMin, SchoolSettingsService.ThresholdMax)
            .WithMessage(_ =>
                SchoolMessages.FormatSettings_ThresholdRange(
                    SchoolSettingsService.ThresholdMin,
                    SchoolSettingsService.ThresholdMax
                )
            );
}

/// <summary>Settings an établissement's admins choose for their school.</summary>
public sealed class SchoolSettingsService(IDbContextFactory<EnoeDbContext> dbFactory, Caching.EnoeCache cache)
{
    public const int ThresholdMin = 1,
        ThresholdMax = 10;

    private static readonly SchoolSettingsValidator Validator = new();

    public async Task<Result<SchoolSettings>> GetAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsAdminAsync(db, user, ct))
            return Result.Forbidden();
        var threshold = await db
            .Schools.Where(s => s.Id == user.SchoolId)
            .Select(s => s.HomeworkWarningThreshold)
            .FirstAsync(ct);
        return Result<SchoolSettings>.Ok(new SchoolSettings(threshold));
    }

    public async Task<Result> SaveAsync(CurrentUser user, SchoolSettings settings, CancellationToken ct = default)
    {
        var validation = await Validator.ValidateAsync(settings, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsAdminAsync(db, user, ct))
            return Result.Forbidden(SchoolMessages.Settings_AdminsOnly);
        var school = await db.Schools.FirstAsync(s => s.Id == user.SchoolId, ct);
        school.HomeworkWarningThreshold = settings.HomeworkWarningThreshold;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// The établissement's time slots (the usual M1–S4 day until its admins set their own). Not secret: anyone may ask.
    /// </summary>
    /// <remarks>
    /// Read by every "Réserver" widget opened and changed by a few administrators: cached per établissement
    /// (<see cref="Caching.EnoeCache"/>, shared between instances), dropped when its admins save others.
    /// </remarks>
    public async Task<IReadOnlyList<SlotView>> SlotsAsync(int? schoolId, CancellationToken ct = default) =>
        (
            await cache.GetOrCreateAsync(
                $"slots:{schoolId}",
                c => ReadSlotsAsync(schoolId, c),
                [SlotsTag(schoolId)],
                ct
            )
        ).Slots;

    private static string SlotsTag(int? schoolId) => $"slots:school:{schoolId}";

    private async ValueTask<CachedSlots> ReadSlotsAsync(int? schoolId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var own = await db.Set<TimeSlot>()
            .Where(t => t.SchoolId == schoolId)
            .OrderBy(t => t.StartsAt)
            .Select(t => new SlotView(t.Code, t.StartsAt, t.EndsAt))
            .ToListAsync(ct);
        return new CachedSlots(own.Count > 0 ? own : TimeSlots.Defaults);
    }

    public async Task<Result> SaveSlotsAsync(
        CurrentUser user,
        IReadOnlyList<SlotView> slots,
        CancellationToken ct = default
    )
    {
        var problems = TimeSlots.Problems(slots);
        if (problems.Count > 0)
            return Result.Invalid(problems);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsAdminAsync(db, user, ct))
            return Result.Forbidden(SchoolMessages.Settings_AdminsOnly);
        // Replaced whole, under the school's lock: two administrators saving at once never collide on a code.
        await using var transaction = await db.BeginTurnAsync<School>(user.SchoolId!.Value, ct);
        await db.Set<TimeSlot>().Where(t => t.SchoolId == user.SchoolId).ExecuteDeleteAsync(ct);
        db.AddRange(
            slots.Select(s => new TimeSlot
            {
                SchoolId = user.SchoolId!.Value,
                Code = s.Code.Trim().ToUpperInvariant(),
                StartsAt = s.StartsAt,
                EndsAt = s.EndsAt,
            })
        );
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await cache.InvalidateAsync(SlotsTag(user.SchoolId));
        return Result.Ok();
    }

    private static Task<bool> IsAdminAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct) =>
        db.IsSchoolAdminAsync(user.PersonId, user.SchoolId, ct);
}

/// <summary>An établissement's time slots, as cached.</summary>
[System.ComponentModel.ImmutableObject(true)]
internal sealed record CachedSlots(IReadOnlyList<SlotView> Slots);
