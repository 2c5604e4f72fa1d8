using System.Text.Json;
using Enoe.Data.Common;
using Enoe.Data.Directory;
using Enoe.Data.Jobs;
using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Data.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;

namespace Enoe.Data.Privacy;

/// <summary>
/// What one pass deleted, or would delete, by kind (the keys of <see cref="RetentionRun.Counts"/>).
/// <see cref="Stopped"/>: the pass lost its lease to another instance midway, and these are the steps done until then
/// (written in the same JSON: no column for it).
/// </summary>
public sealed record RetentionCounts(
    int Accounts,
    int Files,
    int AccessLog,
    int SignInSessions,
    int BinMemos,
    int Exports,
    bool Stopped = false,
    int SsoHandOffs = 0,
    int OidcTokens = 0,
    int Notifications = 0
);

/// <summary>
/// Deletes what the law says must go after its delay (<see cref="PrivacyOptions"/>): accounts of people who left and
/// their files (<see cref="DirectoryPurge"/>), the access log, ended sign-in sessions and the hand-offs to resources
/// made through ENOE (connection logs both), mémos left in a bin, old notifications (in batches), expired exports
/// and their zips. Each pass is written
/// down (<see cref="RetentionRun"/> and the log); a dry run counts the same rows and deletes nothing. The nightly pass
/// runs on one instance only (<see cref="JobLeases"/>).
/// </summary>
public sealed class RetentionJob(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    DirectoryPurge purge,
    JobLeases leases,
    ExportFiles exports,
    IOptions<PrivacyOptions> options,
    ILogger<RetentionJob> logger
)
{
    public const string JobName = "retention";
    private PrivacyOptions Options => options.Value;

    /// <summary>
    /// How long a lease runs before another instance may take it over; each step of a pass renews it.
    /// </summary>
    public static readonly TimeSpan LeaseHold = TimeSpan.FromHours(2);

    /// <summary>
    /// The night's pass, unless another instance runs it or it already ran in the last 20 hours. The lease is renewed
    /// after each step (accounts, access log, sessions, mémos, exports), so a pass longer than the lease keeps it; a
    /// pass whose lease another instance took meanwhile stops there (false), leaving the rest to that instance.
    /// </summary>
    public async Task<bool> RunNightlyAsync(string holder, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The host's token, not the run's: a pass that lost its lease still writes down the steps it did.
        var outcome = await leases.RunOnceAsync(
            JobName,
            LeaseHold,
            now.AddHours(-20),
            run => RunAsync(dryRun: false, requestedById: null, run.KeepAsync, ct),
            holder,
            ct
        );
        return outcome == JobOutcome.Completed;
    }

    /// <summary>A dry run asked from the académie's page: its admins only (checked against the database).</summary>
    public async Task<Result<RetentionCounts>> DryRunAsync(People.CurrentUser user, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (!await db.Users.AnyAsync(p => p.Id == user.PersonId && p.IsAcademyAdmin && p.DisabledAt == null, ct))
                return Result.Forbidden(PrivacyMessages.Retention_AdminsOnly);
        return Result<RetentionCounts>.Ok(await RunAsync(dryRun: true, user.PersonId, ct));
    }

    public Task<RetentionCounts> RunAsync(bool dryRun, int? requestedById, CancellationToken ct = default) =>
        RunAsync(dryRun, requestedById, keep: null, ct);

    /// <param name="keep">
    /// Asked after each step of a real pass: false stops it there; what was done is written down, marked stopped.
    /// </param>
    private async Task<RetentionCounts> RunAsync(
        bool dryRun,
        int? requestedById,
        Func<Task<bool>>? keep,
        CancellationToken ct
    )
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var leftBefore = started.AddDays(-Options.DisabledAccountDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var log = db.Set<DataAccessEntry>().Where(e => e.At < started.AddMonths(-Options.AccessLogMonths));
        // A session nobody signed out of just stops being seen (its cookie lasts hours): its last sighting dates it.
        var sessionsBefore = started.AddMonths(-Options.SignInSessionMonths);
        var sessions = db.Set<SignInSession>()
            .Where(s => s.LastSeenAt < sessionsBefore && (s.EndedAt == null || s.EndedAt < sessionsBefore));
        var handOffs = db.Set<SingleSignOn.SsoHandOff>().Where(h => h.At < sessionsBefore);
        // The OpenID Connect provider's codes and tokens past their expiry (OpenIddict keeps them for replay checks
        // while they could still be used), then the ad-hoc authorizations left without a token.
        var tokens = db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.ExpirationDate < started);
        var authorizations = db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
            .Where(a =>
                a.Type == OpenIddict.Abstractions.OpenIddictConstants.AuthorizationTypes.AdHoc && !a.Tokens.Any()
            );
        // No column says when a mémo went to the bin: its sending date stands in (the bin never holds it longer).
        var binBefore = started.AddDays(-Options.MemoBinDays);
        var binned = db.Set<MemoRecipient>().Where(r => r.Folder == MemoFolder.Bin && r.Memo!.SentAt < binBefore);
        var sentBinned = db.Memos.Where(m => m.SenderFolder == MemoFolder.Bin && m.SentAt < binBefore);
        // Read a year ago, or never read in two (by default): the feed's history, not an archive.
        var readBefore = started.AddMonths(-Options.NotificationReadMonths);
        var unreadBefore = started.AddMonths(-Options.NotificationUnreadMonths);
        var notices = db.Set<Notification>()
            .Where(n =>
                n.CreatedAt < unreadBefore || n.ReadAt != null && n.CreatedAt < readBefore && n.ReadAt < readBefore
            ); // read a year ago implies created earlier: the condition on CreatedAt lets its index serve
        var expired = db.Set<DataExport>()
            .Where(x => x.Status != DataExportStatus.Expired && x.ExpiresAt != null && x.ExpiresAt <= started);
        RetentionCounts counts;
        if (dryRun)
        {
            var (accounts, files) = await purge.CountDueAsync(leftBefore, ct);
            counts = new(
                accounts,
                files,
                await log.CountAsync(ct),
                await sessions.CountAsync(ct),
                await binned.CountAsync(ct) + await sentBinned.CountAsync(ct),
                await expired.CountAsync(ct)
            )
            {
                SsoHandOffs = await handOffs.CountAsync(ct),
                OidcTokens = await tokens.CountAsync(ct),
                Notifications = await notices.CountAsync(ct),
            };
        }
        else
        {
            var (accounts, files) = await purge.PurgeAsync(leftBefore, ct, keep);
            counts = new(accounts, files, 0, 0, 0, 0);
            Func<RetentionCounts, Task<RetentionCounts>>[] steps =
            [
                async c => c with { AccessLog = await log.ExecuteDeleteAsync(ct) },
                async c => c with { SignInSessions = await sessions.ExecuteDeleteAsync(ct) },
                async c => c with { SsoHandOffs = await handOffs.ExecuteDeleteAsync(ct) },
                async c =>
                {
                    var deleted = await tokens.ExecuteDeleteAsync(ct);
                    await authorizations.ExecuteDeleteAsync(ct);
                    return c with { OidcTokens = deleted };
                },
                async c =>
                    c with
                    {
                        BinMemos =
                            await binned.ExecuteUpdateAsync(u => u.SetProperty(r => r.Folder, MemoFolder.Deleted), ct)
                            + await sentBinned.ExecuteUpdateAsync(
                                u => u.SetProperty(m => m.SenderFolder, MemoFolder.Deleted),
                                ct
                            ),
                    },
                async c => c with { Notifications = await DeleteInBatchesAsync(notices, keep, ct) },
                async c => c with { Exports = await ExpireExportsAsync(db, expired, ct) },
            ];
            foreach (var step in steps)
            {
                if (keep is not null && !await keep())
                {
                    counts = counts with { Stopped = true };
                    break;
                }
                counts = await step(counts);
            }
        }
        var json = JsonSerializer.Serialize(counts, JsonSerializerOptions.Web);
        db.Add(
            new RetentionRun
            {
                StartedAt = started,
                FinishedAt = clock.GetUtcNow().UtcDateTime,
                DryRun = dryRun,
                RequestedById = requestedById,
                Counts = json,
            }
        );
        await db.SaveChangesAsync(ct);
        logger.LogInformation(
            "Retention {Mode}: {Counts}",
            dryRun ? "dry run"
                : counts.Stopped ? "pass, stopped"
                : "pass",
            json
        );
        return counts;
    }

    /// <summary>
    /// Deletes <paramref name="rows"/> <see cref="PrivacyOptions.DeleteBatch"/> at a time (oldest first), renewing the
    /// lease between batches; stops when none are left or the lease is lost.
    /// </summary>
    private async Task<int> DeleteInBatchesAsync(
        IQueryable<Notification> rows,
        Func<Task<bool>>? keep,
        CancellationToken ct
    )
    {
        var total = 0;
        while (true)
        {
            var batch = rows.OrderBy(n => n.Id).Take(Options.DeleteBatch).Select(n => n.Id);
            var deleted = await rows.Where(n => batch.Contains(n.Id)).ExecuteDeleteAsync(ct);
            total += deleted;
            if (deleted < Options.DeleteBatch || keep is not null && !await keep())
                return total;
        }
    }

    /// <summary>Expired exports lose their zip (the row stays, marked expired), and zips no row points to go.</summary>
    private async Task<int> ExpireExportsAsync(EnoeDbContext db, IQueryable<DataExport> expired, CancellationToken ct)
    {
        var zips = await expired.Select(x => x.FileKey).ToListAsync(ct);
        var count = await expired.ExecuteUpdateAsync(
            u => u.SetProperty(x => x.Status, DataExportStatus.Expired).SetProperty(x => x.FileKey, (string?)null),
            ct
        );
        foreach (var zip in zips)
            await exports.DeleteAsync(zip, ct);
        await DeleteOrphanZipsAsync(db, ct);
        return count;
    }

    /// <summary>The last passes, newest first, for the académie's page.</summary>
    public async Task<IReadOnlyList<(RetentionRun Run, RetentionCounts? Counts)>> LastRunsAsync(
        int take,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.Set<RetentionRun>()
            .AsNoTracking()
            .OrderByDescending(r => r.StartedAt)
            .ThenByDescending(r => r.Id)
            .Take(take)
            .ToListAsync(ct);
        return
        [
            .. runs.Select(r => (r, JsonSerializer.Deserialize<RetentionCounts>(r.Counts, JsonSerializerOptions.Web))),
        ];
    }

    /// <summary>Zips whose export row went with its person (deleted accounts cascade to their exports).</summary>
    private async Task DeleteOrphanZipsAsync(EnoeDbContext db, CancellationToken ct)
    {
        var keep = (
            await db.Set<DataExport>().Where(x => x.FileKey != null).Select(x => x.FileKey!).ToListAsync(ct)
        ).ToHashSet();
        var orphans = new List<string>();
        await foreach (var orphan in exports.OrphansAsync(keep, ct))
            orphans.Add(orphan);
        foreach (var orphan in orphans)
            await exports.DeleteAsync(orphan, ct);
    }
}
