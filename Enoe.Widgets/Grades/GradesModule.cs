using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Grades;

/// <summary>Notes: evaluations, the teacher's grid, each student's marks and averages.</summary>
public sealed class GradesModule : UiModule
{
    public const string Running = Policies.ServicePrefix + GradesDataModule.Key;

    public override EntService? Service => EntService.Grades;
    public override string Name => GradesText.ServiceName;
    public override int Order => 80;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => GradesText.Nav_Grades,
                    "/notes",
                    Icons.Material.Outlined.Grading,
                    EntService.Grades,
                    Profile.Student | Profile.Parent | Profile.Teacher,
                    Order: 150
                )
            )
            .AddWidget(
                new(
                    "latest-marks",
                    () => GradesText.Widget_LatestGrades,
                    Icons.Material.Outlined.Grading,
                    EntService.Grades,
                    Profile.Student | Profile.Parent,
                    DefaultSize: new(4, 3),
                    MinSize: new(3, 2),
                    Component: typeof(LatestGradesWidget),
                    FullPageRoute: "/notes",
                    PhoneOrder: 30
                )
            )
            .AddSettingsSection<TermsSection>(300, EntService.Grades);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints
            .MapGet(
                "/notes/evaluations/{id:int}/export.csv",
                async (int id, HttpContext http, GradeService grades, CancellationToken ct) =>
                {
                    if (CurrentUser.From(http.User) is not { } user)
                        return Results.Unauthorized();
                    var csv = await grades.CsvAsync(user, id, ct);
                    if (!csv.Succeeded)
                        return FileResponses.Refused(csv);
                    FileResponses.NoSniff(http);
                    // With its byte order mark, so spreadsheets read the accents as UTF-8.
                    byte[] bytes =
                    [
                        .. System.Text.Encoding.UTF8.GetPreamble(),
                        .. System.Text.Encoding.UTF8.GetBytes(csv.Value.Csv),
                    ];
                    return Results.File(bytes, "text/csv; charset=utf-8", csv.Value.FileName);
                }
            )
            .RequireAuthorization(Running);
}
