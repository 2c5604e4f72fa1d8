using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

public sealed record SchoolSettings(int HomeworkWarningThreshold);

/// <summary>Settings an établissement's admins choose for their school.</summary>
public sealed class SchoolSettingsService(IDbContextFactory<EnoeDbContext> dbFactory)
{
    public const int ThresholdMin = 1, ThresholdMax = 10;

    public async Task<Result<SchoolSettings>> GetAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsAdminAsync(db, user, ct)) return Result<SchoolSettings>.From(Result.Forbidden());
        var threshold = await db.Schools.Where(s => s.Id == user.SchoolId).Select(s => s.HomeworkWarningThreshold).FirstAsync(ct);
        return Result<SchoolSettings>.Ok(new SchoolSettings(threshold));
    }

    public async Task<Result> SaveAsync(CurrentUser user, SchoolSettings settings, CancellationToken ct = default)
    {
        if (settings.HomeworkWarningThreshold is < ThresholdMin or > ThresholdMax)
            return Result.Invalid([$"Le seuil d'alerte va de {ThresholdMin} à {ThresholdMax} travaux le même jour."]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsAdminAsync(db, user, ct)) return Result.Forbidden("Seuls les administrateurs de l'établissement changent ses réglages.");
        var school = await db.Schools.FirstAsync(s => s.Id == user.SchoolId, ct);
        school.HomeworkWarningThreshold = settings.HomeworkWarningThreshold;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    private static Task<bool> IsAdminAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.PersonId == user.PersonId && m.SchoolId == user.SchoolId && (m.Profiles & Profile.SchoolAdmin) != 0, ct);
}
