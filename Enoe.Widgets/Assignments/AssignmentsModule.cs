using System.IO.Compression;
using Enoe.Data.Assignments;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Enoe.Widgets.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using MudBlazor;

namespace Enoe.Widgets.Assignments;

/// <summary>
/// Remise de copies, part of the Documents service: devoirs set, submissions handed in, marked and returned.
/// </summary>
public sealed class AssignmentsModule : UiModule
{
    public override int Order => 55;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => AssignmentsText.Nav_Assignments,
                    "/devoirs",
                    Icons.Material.Outlined.AssignmentTurnedIn,
                    EntService.Documents,
                    Profile.Student | Profile.Parent | Profile.Teacher,
                    Order: 210
                )
            )
            .AddWidget(
                new(
                    "assignments-due",
                    () => AssignmentsText.Widget_AssignmentsDue,
                    Icons.Material.Outlined.AssignmentTurnedIn,
                    EntService.Documents,
                    Profile.Student | Profile.Parent,
                    DefaultSize: new(4, 3),
                    MinSize: new(3, 2),
                    Component: typeof(AssignmentsDueWidget),
                    FullPageRoute: "/devoirs",
                    PhoneOrder: 40
                )
            )
            .AddWidget(
                new(
                    "copies-to-mark",
                    () => AssignmentsText.Widget_SubmissionsToGrade,
                    Icons.Material.Outlined.FactCheck,
                    EntService.Documents,
                    Profile.Teacher,
                    DefaultSize: new(4, 3),
                    MinSize: new(3, 2),
                    Component: typeof(SubmissionsToGradeWidget),
                    FullPageRoute: "/devoirs",
                    PhoneOrder: 40
                )
            );

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints
            .MapGet("/devoirs/{id:int}/copies.zip", StreamSubmissionsZipAsync)
            .RequireAuthorization(DocumentsModule.Running);

    /// <summary>
    /// Every student's latest submission in one zip, written to the response as it is read: nothing is built in memory
    /// or on disk.
    /// </summary>
    private static async Task StreamSubmissionsZipAsync(
        int id,
        HttpContext http,
        AssignmentService assignments,
        FileStore files,
        CancellationToken ct
    )
    {
        if (CurrentUser.From(http.User) is not { } user)
        {
            http.Response.StatusCode = 401;
            return;
        }
        var latest = await assignments.SubmissionsZipAsync(user, id, ct);
        if (!latest.Succeeded)
        {
            await FileResponses.Refused(latest).ExecuteAsync(http);
            return;
        }
        var (zipName, entries) = latest.Value;
        FileResponses.NoSniff(http);
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = zipName,
        }.ToString();
        var body = new DrainingStream(http.Response.Body);
        await using (
            var zip = await ZipArchive.CreateAsync(
                body,
                ZipArchiveMode.Create,
                leaveOpen: true,
                entryNameEncoding: null,
                ct
            )
        )
        {
            foreach (var (name, file) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.LastWriteTime = file.CreatedAt;
                await using (var target = await entry.OpenAsync(ct))
                await using (var source = await files.OpenBlobAsync(file, ct))
                    await source.CopyToAsync(target, ct);
                await body.DrainAsync(ct);
            }
        }
        await body.DrainAsync(ct); // the central directory
    }
}
