using Enoe.Data.People;
using Enoe.Widgets.Abstractions;
using MudBlazor;

namespace Enoe.App.Components.Admin;

/// <summary>
/// The host's administration pages: accounts and settings of an établissement, the directory.
/// </summary>
public sealed class AdministrationModule : UiModule
{
    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => AdminText.Nav_Accounts,
                    "/gestion/comptes",
                    Icons.Material.Outlined.ManageAccounts,
                    null,
                    Profile.SchoolAdmin,
                    Order: 950
                )
            )
            .AddNavigationEntry(
                new(
                    () => AdminText.Nav_SchoolSettings,
                    "/gestion/etablissement",
                    Icons.Material.Outlined.Settings,
                    null,
                    Profile.SchoolAdmin,
                    Order: 960
                )
            )
            .AddNavigationEntry(
                new(
                    () => CanWriteText.Nav,
                    "/gestion/puis-je-ecrire",
                    Icons.Material.Outlined.ForwardToInbox,
                    null,
                    Profile.SchoolAdmin,
                    Order: 965
                )
            )
            .AddNavigationEntry(
                new(
                    () => AdminText.Nav_Directory,
                    "/gestion/annuaire",
                    Icons.Material.Outlined.Sync,
                    null,
                    Profile.SchoolAdmin | Profile.AcademyAdmin,
                    Order: 970
                )
            )
            .AddSettingsSection<TimeSlotsSection>(400);
}
