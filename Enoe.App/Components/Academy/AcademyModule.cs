using Enoe.Data.People;
using Enoe.Widgets.Abstractions;
using MudBlazor;

namespace Enoe.App.Components.Academy;

/// <summary>
/// The académie's console (the Rectorat's pages): its établissements, the services each runs and from where, the
/// deployment table of the slides and the daily usage figures.
/// </summary>
public sealed class AcademyModule : UiModule
{
    public override void AddServices(IServiceCollection services) =>
        services
            .AddSingleton<DeploymentLabels>()
            .AddNavigationEntry(
                new(
                    () => AcademyText.Nav_Schools,
                    "/academie/etablissements",
                    Icons.Material.Outlined.Domain,
                    null,
                    Profile.AcademyAdmin,
                    Order: 980
                )
            )
            .AddNavigationEntry(
                new(
                    () => AcademyText.Nav_Services,
                    "/academie/services",
                    Icons.Material.Outlined.ToggleOn,
                    null,
                    Profile.AcademyAdmin,
                    Order: 990
                )
            )
            .AddNavigationEntry(
                new(
                    () => AcademyText.Nav_Statistics,
                    "/academie/statistiques",
                    Icons.Material.Outlined.PieChart,
                    null,
                    Profile.AcademyAdmin,
                    Order: 1000
                )
            )
            .AddNavigationEntry(
                new(
                    () => AcademyText.Nav_Usage,
                    "/academie/utilisation",
                    Icons.Material.Outlined.Insights,
                    null,
                    Profile.AcademyAdmin,
                    Order: 1010
                )
            )
            .AddNavigationEntry(
                new(
                    () => Privacy.PrivacyText.Nav_Retention,
                    "/academie/conservation",
                    Icons.Material.Outlined.AutoDelete,
                    null,
                    Profile.AcademyAdmin,
                    Order: 1020
                )
            )
            .AddNavigationEntry(
                new(
                    () => SingleSignOnText.Nav,
                    "/academie/connexion-unique",
                    Icons.Material.Outlined.Key,
                    null,
                    Profile.AcademyAdmin,
                    Order: 1015
                )
            )
            .AddNavigationEntry(
                new(
                    () => AcademyText.Nav_Usage,
                    "/gestion/utilisation",
                    Icons.Material.Outlined.Insights,
                    null,
                    Profile.SchoolAdmin,
                    Order: 975
                )
            );

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => DeploymentCsv.Map(endpoints);
}
