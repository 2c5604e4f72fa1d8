using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Skills;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Skills;

/// <summary>Livret de compétences: each student's skills, their progress, the booklet as a PDF.</summary>
public sealed class SkillsModule : UiModule
{
    public const string Running = Policies.ServicePrefix + SkillsDataModule.Key;

    public override EntService? Service => EntService.Skills;
    public override string Name => SkillsText.ServiceName;
    public override int Order => 85;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => SkillsText.Nav_Skills,
                    "/competences",
                    Icons.Material.Outlined.Insights,
                    EntService.Skills,
                    Profile.Student | Profile.Parent | Profile.Teacher,
                    Order: 160
                )
            )
            .AddWidget(
                new(
                    "skills",
                    () => SkillsText.Widget_Skills,
                    Icons.Material.Outlined.Insights,
                    EntService.Skills,
                    Profile.Student | Profile.Parent,
                    DefaultSize: new(4, 3),
                    MinSize: new(3, 3),
                    Component: typeof(SkillsProgressWidget),
                    FullPageRoute: "/competences",
                    PhoneOrder: 60
                )
            );

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints
            .MapGet(
                "/competences/livret.pdf",
                async (int? eleve, HttpContext http, SkillService skills, TimeProvider clock, CancellationToken ct) =>
                {
                    if (CurrentUser.From(http.User) is not { } user)
                        return Results.Unauthorized();
                    var booklet = await skills.BookletAsync(user, eleve, ct);
                    if (!booklet.Succeeded)
                        return FileResponses.Refused(booklet);
                    FileResponses.NoSniff(http);
                    return Results.File(
                        BookletPdf.Render(booklet.Value!, clock.GetUtcNow().UtcDateTime),
                        "application/pdf",
                        BookletPdf.FileName(booklet.Value!)
                    );
                }
            )
            .RequireAuthorization(Running);
}
