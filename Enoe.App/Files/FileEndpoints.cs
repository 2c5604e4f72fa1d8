using System.IO.Compression;
using Enoe.Data.Assignments;
using Enoe.Data.Grades;
using Enoe.Data.Skills;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Widgets.Abstractions;
using Microsoft.Net.Http.Headers;

namespace Enoe.App.Files;

/// <summary>
/// Downloads. Every file is served as an attachment the browser must not sniff, and only after
/// the data layer has said this person may read it; an unknown id and a forbidden one look the same.
/// </summary>
public static class FileEndpoints
{
    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fichiers/{id:int}", async (int id, HttpContext http, FileStore files, CancellationToken ct) =>
        {
            if (CurrentUser.From(http.User) is not { } user) return Results.Unauthorized();
            if (await files.OpenAsync(user, id, ct) is not var (file, content)) return Results.NotFound();
            NoSniff(http);
            return Results.File(content, file.ContentType, file.Name, lastModified: file.CreatedAt, enableRangeProcessing: true);
        });
        app.MapGet("/devoirs/{id:int}/copies.zip", StreamCopiesAsync).RequireAuthorization(Policies.Running(EntService.Documents));
        app.MapGet("/notes/evaluations/{id:int}/export.csv", async (int id, HttpContext http, GradeService grades, CancellationToken ct) =>
        {
            if (CurrentUser.From(http.User) is not { } user) return Results.Unauthorized();
            var csv = await grades.CsvAsync(user, id, ct);
            if (!csv.Succeeded) return Results.NotFound();
            NoSniff(http);
            // With its byte order mark, so spreadsheets read the accents as UTF-8.
            return Results.File([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv.Value.Csv)], "text/csv; charset=utf-8", csv.Value.FileName);
        }).RequireAuthorization(Policies.Running(EntService.Grades));
        app.MapGet("/competences/livret.pdf", async (int? eleve, HttpContext http, SkillService skills, TimeProvider clock, CancellationToken ct) =>
        {
            if (CurrentUser.From(http.User) is not { } user) return Results.Unauthorized();
            var booklet = await skills.BookletAsync(user, eleve, ct);
            if (!booklet.Succeeded) return Results.NotFound();
            NoSniff(http);
            return Results.File(BookletPdf.Render(booklet.Value!, clock.GetUtcNow().UtcDateTime), "application/pdf", BookletPdf.FileName(booklet.Value!));
        }).RequireAuthorization(Policies.Running(EntService.Skills));
        return app;
    }

    /// <summary>Every student's latest copy in one zip, written to the response as it is read: nothing is built in memory or on disk.</summary>
    private static async Task StreamCopiesAsync(int id, HttpContext http, AssignmentService assignments, FileStore files, CancellationToken ct)
    {
        if (CurrentUser.From(http.User) is not { } user) { http.Response.StatusCode = 401; return; }
        var copies = await assignments.CopiesAsync(user, id, ct);
        if (!copies.Succeeded) { http.Response.StatusCode = 404; return; }
        var (zipName, entries) = copies.Value;
        NoSniff(http);
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = zipName }.ToString();
        var body = new DrainingStream(http.Response.Body);
        await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
        {
            foreach (var (name, file) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.LastWriteTime = file.CreatedAt;
                await using (var target = await entry.OpenAsync(ct))
                await using (var source = files.OpenBlob(file))
                    await source.CopyToAsync(target, ct);
                await body.DrainAsync(ct);
            }
        }
        await body.DrainAsync(ct); // the central directory
    }

    private static void NoSniff(HttpContext http) => http.Response.Headers.XContentTypeOptions = "nosniff";
}
