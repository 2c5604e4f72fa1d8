using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;

namespace Enoe.App.Components.Academy;

/// <summary>
/// <c>GET /academie/etablissements.csv</c>: the académie's établissements in the import's format, for its admins (the
/// service checks again). Navigation entries of the console are the académie module's.
/// </summary>
public sealed class SchoolsCsvModule : UiModule
{
    public override void AddServices(IServiceCollection services) { }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints
            .MapGet(
                "/academie/etablissements.csv",
                async (HttpContext http, SchoolAdministration schools, CancellationToken ct) =>
                {
                    if (CurrentUser.From(http.User) is not { } user)
                        return Results.Unauthorized();
                    var csv = await schools.ExportAsync(user, ct);
                    if (!csv.Succeeded)
                        return Results.Forbid();
                    FileResponses.NoSniff(http);
                    return Results.File(csv.Value!, "text/csv; charset=utf-8", "etablissements.csv");
                }
            )
            .RequireAuthorization(Policies.AcademyAdmin);
}
