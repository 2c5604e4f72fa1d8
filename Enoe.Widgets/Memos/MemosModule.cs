using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Memos;

/// <summary>Mémos: messages within the établissement, delivered live.</summary>
public sealed class MemosModule : UiModule
{
    public const string Running = Policies.ServicePrefix + MemosDataModule.Key;

    public override EntService? Service => EntService.Memos;
    public override string Name => MemosText.ServiceName;
    public override int Order => 60;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddScoped<UnreadMemos>() // the badge's and the widget's, one per tab
            .AddNavigationEntry(
                new(
                    () => MemosText.Nav_Memos,
                    "/memos",
                    Icons.Material.Outlined.Mail,
                    EntService.Memos,
                    Profile.Everyone & ~Profile.AcademyAdmin,
                    Order: 50,
                    Badge: typeof(UnreadMemosBadge)
                )
            )
            .AddWidget(
                new(
                    "memos",
                    () => MemosText.Widget_Memos,
                    Icons.Material.Outlined.Mail,
                    EntService.Memos,
                    Profile.Everyone & ~Profile.AcademyAdmin,
                    DefaultSize: new(4, 3),
                    MinSize: new(3, 2),
                    Component: typeof(MemosWidget),
                    FullPageRoute: "/memos",
                    PhoneOrder: 10
                )
            )
            .AddSettingsSection<MemoRulesSection>(200, EntService.Memos);
}
