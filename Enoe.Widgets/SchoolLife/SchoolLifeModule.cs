using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.SchoolLife;

/// <summary>
/// Vie scolaire: the roll call, the day's absences for the CPE, families' justifications, the counts.
/// </summary>
public sealed class SchoolLifeModule : UiModule
{
    public const string Running = Policies.ServicePrefix + SchoolLifeDataModule.Key;

    public override EntService? Service => EntService.SchoolLife;
    public override string Name => SchoolLifeText.ServiceName;
    public override int Order => 37;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => SchoolLifeText.Nav_SchoolLife,
                    "/vie-scolaire",
                    Icons.Material.Outlined.FactCheck,
                    EntService.SchoolLife,
                    Profile.Staff,
                    Order: 95
                )
            )
            .AddNavigationEntry(
                new(
                    () => SchoolLifeText.Nav_Absences,
                    "/absences",
                    Icons.Material.Outlined.EventBusy,
                    EntService.SchoolLife,
                    Profile.Student | Profile.Parent,
                    Order: 96
                )
            );

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints
            .MapGet(
                "/vie-scolaire/decompte.csv",
                async (int classe, DateOnly du, DateOnly au, HttpContext http, AttendanceService attendance) =>
                {
                    if (Data.People.CurrentUser.From(http.User) is not { } user)
                        return Results.Unauthorized();
                    var csv = await attendance.CountsCsvAsync(user, classe, du, au, http.RequestAborted);
                    if (!csv.Succeeded)
                        return FileResponses.Refused(csv);
                    FileResponses.NoSniff(http);
                    byte[] bytes =
                    [
                        .. System.Text.Encoding.UTF8.GetPreamble(),
                        .. System.Text.Encoding.UTF8.GetBytes(csv.Value!),
                    ];
                    return Results.File(
                        bytes,
                        "text/csv; charset=utf-8",
                        $"absences-{du:yyyy-MM-dd}-{au:yyyy-MM-dd}.csv"
                    );
                }
            )
            .RequireAuthorization(Running);
}
