using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Dashboards;

/// <summary>What the server needs to know of a widget to enforce the rules: who may add it, where, how small.</summary>
public sealed record WidgetRule(
    string Key,
    EntService Service,
    Profile Profiles,
    int MinWidth,
    int MinHeight,
    int DefaultWidth,
    int DefaultHeight
)
{
    public bool IsAllowed(Profile profiles, ServiceSet schoolServices) =>
        profiles.HasAny(Profiles) && schoolServices.Runs(Service);
}

/// <summary>
/// The widget catalogue as the data layer sees it. Enoe.Widgets implements it from the widgets'
/// descriptors, so rules stay next to the widgets while being enforced here.
/// </summary>
public interface IWidgetRules
{
    WidgetRule? Find(string key);
    IEnumerable<WidgetRule> All { get; }

    /// <summary>
    /// Messages for invalid settings, in the reader's language; empty when they are valid (or the widget has none).
    /// </summary>
    IReadOnlyList<string> ValidateSettings(string key, string? settingsJson);
}
