using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.News;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.PublicSite;

/// <summary>Site public: the établissement's articles, read without signing in, and the news widget.</summary>
public sealed class PublicSiteModule : UiModule
{
    public const string Running = Policies.ServicePrefix + PublicSiteDataModule.Key;

    public override EntService? Service => EntService.PublicSite;
    public override string Name => PublicSiteText.ServiceName;
    public override int Order => 20;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => PublicSiteText.Nav_SiteArticles,
                    "/gestion/articles",
                    Icons.Material.Outlined.Public,
                    EntService.PublicSite,
                    Policies.Profiles[Policies.SiteEditor],
                    Order: 900
                )
            )
            .AddWidget(
                new(
                    "news",
                    () => PublicSiteText.Widget_News,
                    Icons.Material.Outlined.Newspaper,
                    EntService.PublicSite,
                    Profile.Everyone,
                    DefaultSize: new(4, 3),
                    MinSize: new(3, 2),
                    Component: typeof(NewsWidget),
                    SettingsType: typeof(NewsSettings),
                    SettingsValidator: typeof(NewsSettingsValidator),
                    PhoneOrder: 60
                )
            );
}
