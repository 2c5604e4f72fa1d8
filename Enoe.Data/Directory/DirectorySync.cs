using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Directory;

/// <summary>
/// Brings ENOE's directory accounts to what the académie's directory says: établissements, classes and groups first,
/// then people page by page (matched by jointure), then the guardianships (either side of the link), then the accounts
/// whose entry is gone. Each step is planned from a few set-based reads and written in one SaveChanges per page (no
/// long transaction: SQLite's single writer would block every user for the whole run); a dry run plans the same and
/// writes nothing. Local accounts (no jointure) are never read for writing. One run at a time per process.
/// </summary>
public sealed partial class DirectorySync(
    IDirectorySource source,
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    IOptions<DirectoryOptions> options,
    IOptions<IdentityOptions> identity,
    ILogger<DirectorySync> logger,
    IServiceScopeFactory scopes,
    ServiceAccess access
)
{
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>For an admin: académie administrators only, and refused while another run is under way.</summary>
    public async Task<Result<DirectorySyncReport>> RunAsync(
        int requestedById,
        bool dryRun,
        CancellationToken ct = default
    )
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (!await db.IsAcademyAdminAsync(requestedById, ct))
                return Result.Forbidden(DirectoryMessages.Sync_AdminsOnly);
        if (!await _running.WaitAsync(0, ct))
            return Result.Conflict(DirectoryMessages.Sync_AlreadyRunning);
        try
        {
            return Result<DirectorySyncReport>.Ok(await RunOnceAsync(dryRun, ct));
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>
    /// For the schedule and the command line (waits for a run under way). Never throws for a bad entry; a directory
    /// that cannot be read gives an incomplete report, and then nobody is taken for gone.
    /// </summary>
    public async Task<DirectorySyncReport> RunAsync(bool dryRun, CancellationToken ct = default)
    {
        await _running.WaitAsync(ct);
        try
        {
            return await RunOnceAsync(dryRun, ct);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<DirectorySyncReport> RunOnceAsync(bool dryRun, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new DirectorySyncReport { StartedAt = now, DryRun = dryRun };
        // The app's normalizer (Identity registers it per scope), so names match what sign-in looks up.
        using var scope = scopes.CreateScope();
        var state = new SyncState(report)
        {
            DeletionDue = now + options.Value.DeletionDelay,
            Normalizer = scope.ServiceProvider.GetService<ILookupNormalizer>() ?? new UpperInvariantLookupNormalizer(),
        };
        var allowed = identity.Value.User.AllowedUserNameCharacters;
        Func<string, bool> validLogin = login => string.IsNullOrEmpty(allowed) || login.All(allowed.Contains);
        try
        {
            await SyncStructuresAsync(state, ct);
            await foreach (var page in source.ReadPeopleAsync(ct))
                await SyncPageAsync(state, page, validLogin, ct);
            await SyncGuardianshipsAsync(state, ct);
            await DisableGoneAsync(state, ct);
            report.Completed = true;
        }
        catch (DirectoryUnavailableException e)
        {
            report.Failure = e.Message;
        }
        if (!dryRun) // those it disabled lose their open sessions and circuits now, not at their next check
            await scope.ServiceProvider.GetRequiredService<Sessions.SignInSessions>().EndOfDisabledAccountsAsync(ct);
        report.FinishedAt = clock.GetUtcNow().UtcDateTime;
        if (!dryRun && report.Completed)
            await StoreAsync(report, ct);
        if (report.Completed)
            logger.LogInformation("{Summary}", report.Summary);
        else
            logger.LogError("{Summary}", report.Summary);
        return report;
    }

    private async Task SyncPageAsync(
        SyncState state,
        IReadOnlyList<DirectoryPersonEntry> entries,
        Func<string, bool> validLogin,
        CancellationToken ct
    )
    {
        // Someone writing at the same time (an admin creating an account with the same login, a person's own
        // update) makes the page fail as a whole; planned again, it sees their rows.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false; // entries detect their own changes
            var page = new SyncPage(state, db, state.Normalizer);
            await page.PlanAsync(entries, validLogin, ct);
            try
            {
                db.ChangeTracker.DetectChanges();
                await SaveAsync(state, db, ct);
                page.Commit();
                return;
            }
            catch (DbUpdateException e)
                when (attempt < 3
                    && (e is DbUpdateConcurrencyException || Contention.IsDuplicate(e) || Contention.IsBusy(e))
                )
            {
                logger.LogWarning(e, "Directory sync: a page met a concurrent write, planned again");
            }
        }
    }

    /// <summary>Writes what the context tracks, and counts the rows: nothing on a dry run.</summary>
    private static async Task SaveAsync(SyncState state, EnoeDbContext db, CancellationToken ct)
    {
        if (!state.DryRun)
            state.Report.RowsWritten += await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Keeps the report for the admins' page. Not counted in <see cref="DirectorySyncReport.RowsWritten"/>: that
    /// counts what the directory changed in ENOE, and an unchanged directory changes nothing.
    /// </summary>
    private async Task StoreAsync(DirectorySyncReport report, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = DirectorySyncRun.From(report);
        db.Add(run);
        await db.SaveChangesAsync(ct);
        report.Id = run.Id;
    }
}
