using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

/// <summary>
/// What each person receives by e-mail, per category: their own choices (only theirs: no method takes another
/// person's id), and the établissement's defaults per profile (the direction, <see cref="Right.MailDefaultsManage"/>).
/// </summary>
public sealed partial class NotificationPreferences(IDbContextFactory<EnoeDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The person's table: for each category, what applies, the default beneath it, and whether it is theirs.
    /// </summary>
    public async Task<MyPreferences> MineAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var choices = await MailChoices.LoadAsync(db, db.Users.Where(p => p.Id == user.PersonId).Select(p => p.Id), ct);
        var own = await db.Set<NotificationPreference>()
            .Where(p => p.PersonId == user.PersonId)
            .ToDictionaryAsync(p => p.Category, p => p.Frequency, ct);
        var person = await db
            .Users.Where(p => p.Id == user.PersonId)
            .Select(p => new { p.Email, IsDirectoryAccount = p.DirectoryKey != null })
            .FirstAsync(ct);
        var refused = await db.Set<MailRefusal>()
            .Where(r => r.PersonId == user.PersonId)
            .Select(r => r.Address)
            .FirstOrDefaultAsync(ct);
        var rows = MailDefaults
            .Categories.Select(c =>
            {
                var fallback = choices.DefaultFor(user.PersonId, user.SchoolId, c);
                return new CategoryPreference(c, own.GetValueOrDefault(c, fallback), fallback, own.ContainsKey(c));
            })
            .ToList();
        var stillRefused =
            refused is not null && string.Equals(refused, person.Email, StringComparison.OrdinalIgnoreCase);
        return new(rows, person.Email, stillRefused ? refused : null, person.IsDirectoryAccount);
    }

    /// <summary>
    /// Sets the person's own frequency for a category; null goes back to the établissement's default.
    /// </summary>
    public async Task<Result> SaveMineAsync(
        CurrentUser user,
        NotificationCategory category,
        MailFrequency? frequency,
        CancellationToken ct = default
    )
    {
        if (!Enum.IsDefined(category) || frequency is { } f && !Enum.IsDefined(f))
            return Result.Invalid([NotificationMessages.Preferences_Unknown]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (frequency is null)
            await db.Set<NotificationPreference>()
                .Where(p => p.PersonId == user.PersonId && p.Category == category)
                .ExecuteDeleteAsync(ct);
        else
            await SetAsync(db, user.PersonId, [category], frequency.Value, ct);
        return Result.Ok();
    }

    /// <summary>
    /// Sets these categories to <see cref="MailFrequency.Never"/> for the person a verified unsubscribe link names (the
    /// link is their proof: it works without signing in).
    /// </summary>
    public async Task UnsubscribeAsync(UnsubscribeRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await SetAsync(db, request.PersonId, request.Categories, MailFrequency.Never, ct);
    }

    /// <summary>The établissement's defaults per profile and category, for the direction.</summary>
    public async Task<Result<SchoolMailDefaults>> SchoolDefaultsAsync(
        CurrentUser user,
        int schoolId,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.HoldsAsync(user.PersonId, schoolId, Right.MailDefaultsManage, ct))
            return Result.Forbidden();
        var set = await db.Set<NotificationDefault>()
            .Where(d => d.SchoolId == schoolId)
            .ToDictionaryAsync(d => (d.Profile, d.Category), d => d.Frequency, ct);
        var cells = MailDefaults.Profiles.ToDictionary(
            p => p,
            p =>
                MailDefaults.Categories.ToDictionary(
                    c => c,
                    c => set.GetValueOrDefault((p, c), MailDefaults.BuiltIn(p, c))
                )
        );
        return Result<SchoolMailDefaults>.Ok(new(schoolId, cells));
    }

    /// <summary>
    /// The direction changes one default of its établissement (the people who chose keep their choice).
    /// </summary>
    public async Task<Result> SaveSchoolDefaultAsync(
        CurrentUser user,
        int schoolId,
        Profile profile,
        NotificationCategory category,
        MailFrequency frequency,
        CancellationToken ct = default
    )
    {
        if (!MailDefaults.Profiles.Contains(profile) || !Enum.IsDefined(category) || !Enum.IsDefined(frequency))
            return Result.Invalid([NotificationMessages.Preferences_Unknown]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.HoldsAsync(user.PersonId, schoolId, Right.MailDefaultsManage, ct))
            return Result.Forbidden();
        var row = await db.Set<NotificationDefault>()
            .FirstOrDefaultAsync(d => d.SchoolId == schoolId && d.Profile == profile && d.Category == category, ct);
        if (row is null)
            db.Add(
                new NotificationDefault
                {
                    SchoolId = schoolId,
                    Profile = profile,
                    Category = category,
                    Frequency = frequency,
                }
            );
        else
            row.Frequency = frequency;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result.Conflict(NotificationMessages.Preferences_Conflict);
        }
        return Result.Ok();
    }

    /// <summary>
    /// An update, or an insert for a category never chosen; two tabs inserting at once: the loser updates (the last
    /// choice made is the one kept).
    /// </summary>
    private async Task SetAsync(
        EnoeDbContext db,
        int personId,
        IReadOnlyCollection<NotificationCategory> categories,
        MailFrequency frequency,
        CancellationToken ct
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.Set<NotificationPreference>()
                .Where(p => p.PersonId == personId && categories.Contains(p.Category))
                .ExecuteUpdateAsync(
                    u => u.SetProperty(p => p.Frequency, frequency).SetProperty(p => p.UpdatedAt, now),
                    ct
                );
            if (existing == categories.Count)
                return;
            var have = await db.Set<NotificationPreference>()
                .Where(p => p.PersonId == personId)
                .Select(p => p.Category)
                .ToListAsync(ct);
            var missing = categories.Except(have).ToList();
            // Rows another tab wrote since the update: this choice is the later one, so update them too.
            if (existing + missing.Count < categories.Count && attempt < 2)
                continue;
            db.AddRange(
                missing.Select(c => new NotificationPreference
                {
                    PersonId = personId,
                    Category = c,
                    Frequency = frequency,
                    UpdatedAt = now,
                })
            );
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

public sealed record CategoryPreference(
    NotificationCategory Category,
    MailFrequency Frequency,
    MailFrequency Default,
    bool Own
);

/// <summary>The person's table, their address, and that address when the mail server refused it.</summary>
public sealed record MyPreferences(
    IReadOnlyList<CategoryPreference> Rows,
    string? Email,
    string? RefusedAddress,
    bool AddressFromDirectory
);

public sealed record SchoolMailDefaults(
    int SchoolId,
    IReadOnlyDictionary<Profile, Dictionary<NotificationCategory, MailFrequency>> Cells
);

/// <summary>What a verified unsubscribe link asks: only <see cref="Mail.UnsubscribeLinks"/> makes one.</summary>
public sealed record UnsubscribeRequest(int PersonId, IReadOnlyList<NotificationCategory> Categories);
