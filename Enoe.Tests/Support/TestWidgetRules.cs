using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Tests.Support;

/// <summary>A small catalogue for data tests: what Enoe.Widgets' catalogue provides in the app.</summary>
public sealed class TestWidgetRules : IWidgetRules
{
    public static readonly WidgetRule News = new("news", EntService.Dashboard, Profile.Everyone, 3, 2, 4, 3);
    public static readonly WidgetRule Network = new("network", EntService.Dashboard, Profile.Everyone, 3, 2, 4, 4);
    public static readonly WidgetRule TeachersOnly = new(
        "teachers-only",
        EntService.Logbook,
        Profile.Teacher,
        2,
        1,
        6,
        2
    );

    public IEnumerable<WidgetRule> All => [News, Network, TeachersOnly];

    public WidgetRule? Find(string key) => All.FirstOrDefault(r => r.Key == key);

    public IReadOnlyList<string> ValidateSettings(string key, string? settingsJson) =>
        settingsJson?.Contains("invalide") == true ? ["Réglage invalide."] : [];
}
