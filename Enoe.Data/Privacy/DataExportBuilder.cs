using System.IO.Compression;
using System.Text.Json;
using Enoe.Data.Events;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Privacy;

/// <summary>
/// Builds queued exports, one at a time: takes the oldest (a conditional update, so two instances never build the
/// same), asks each <see cref="IPersonalDataSource"/> for its part, writes <c>name.json</c> and the files under
/// <c>name/</c> into a zip stored whole (<see cref="ExportFiles"/>), and keeps it
/// <see cref="PrivacyOptions.ExportDays"/>. Progress goes to the row and the event bus as it goes.
/// </summary>
public sealed class DataExportBuilder(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    IEventBus events,
    FileStore store,
    ExportFiles files,
    IEnumerable<IPersonalDataSource> sources,
    IOptions<PrivacyOptions> options,
    ILogger<DataExportBuilder> logger
)
{
    // Readable by the person in any editor: accents as they are (a file, never put into a page).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the next queued export; false when there was none.</summary>
    public async Task<bool> BuildNextAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // An export a crashed instance left half built would block its person's next ask: a day is far beyond any
        // build, so it failed.
        var stale = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await db.Set<DataExport>()
            .Where(x => x.Status == DataExportStatus.Running && x.RequestedAt < stale)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, DataExportStatus.Failed), ct);
        var next = await db.Set<DataExport>()
            .Where(x => x.Status == DataExportStatus.Queued)
            .OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.SubjectId })
            .FirstOrDefaultAsync(ct);
        if (next is null)
            return false;
        var taken = await db.Set<DataExport>()
            .Where(x => x.Id == next.Id && x.Status == DataExportStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, DataExportStatus.Running), ct);
        if (taken == 0)
            return true; // another instance took it: look again
        try
        {
            await BuildAsync(db, next.Id, next.SubjectId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Data export {Id} failed", next.Id);
            await SetAsync(db, next.Id, next.SubjectId, u => u.SetProperty(x => x.Status, DataExportStatus.Failed));
        }
        return true;
    }

    private async Task BuildAsync(EnoeDbContext db, int id, int subjectId, CancellationToken ct)
    {
        var key = ExportFiles.NewKey();
        var all = sources.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var size = await files.SaveAsync(
            key,
            async output =>
            {
                using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
                for (var i = 0; i < all.Count; i++)
                {
                    var part = await all[i].CollectAsync(db, subjectId, ct);
                    await WriteAsync(zip, all[i].Name, part, ct);
                    var progress = (i + 1) * 95 / all.Count;
                    await SetAsync(db, id, subjectId, u => u.SetProperty(x => x.Progress, progress));
                }
            },
            ct
        );
        var now = clock.GetUtcNow().UtcDateTime;
        await SetAsync(
            db,
            id,
            subjectId,
            u =>
                u.SetProperty(x => x.Status, DataExportStatus.Ready)
                    .SetProperty(x => x.Progress, 100)
                    .SetProperty(x => x.FileKey, key)
                    .SetProperty(x => x.SizeBytes, size)
                    .SetProperty(x => x.ReadyAt, now)
                    .SetProperty(x => x.ExpiresAt, now.AddDays(options.Value.ExportDays))
        );
    }

    private async Task WriteAsync(ZipArchive zip, string name, PersonalDataPart part, CancellationToken ct)
    {
        await using (var json = zip.CreateEntry($"{name}.json").Open())
            await JsonSerializer.SerializeAsync(json, part.Data, Json, ct);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in part.Files.DistinctBy(f => f.Id))
        {
            var entry = FileNames.UniqueEntry(file.Name, used);
            await using var target = zip.CreateEntry($"{name}/{entry}").Open();
            try
            {
                await using var source = await store.OpenBlobAsync(file, ct);
                await source.CopyToAsync(target, ct);
            }
            catch (FileNotFoundException)
            {
                logger.LogWarning("File {File} of an export has no bytes on disk", file.Id);
            }
        }
    }

    private async Task SetAsync(
        EnoeDbContext db,
        int id,
        int subjectId,
        Func<
            Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<DataExport>,
            Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<DataExport>
        > set
    )
    {
        await db.Set<DataExport>().Where(x => x.Id == id).ExecuteUpdateAsync(u => set(u), CancellationToken.None);
        await events.PublishAsync(new DataExportChanged(id, subjectId));
    }
}
