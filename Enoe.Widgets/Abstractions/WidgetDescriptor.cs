using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Widgets.Abstractions;

public readonly record struct WidgetSize(int Width, int Height);

/// <summary>
/// What the dashboard knows of a widget: its stable key (stored in layouts; never a CLR type name), title (read from
/// the service's texts each time it is shown, in the reader's language), the ENT service it belongs to, who may add it,
/// its sizes, its component, optional typed settings with their validator, its full page if it has one, and where it
/// comes on a phone.
/// </summary>
/// <param name="PhoneOrder">
/// Its place on a phone, where the dashboard is one column: lower comes first (what people read
/// every day, such as mémos or homework, before what they look up now and then). Ties keep the
/// desktop order. <see cref="DefaultPhoneOrder"/> when a service does not say.
/// </param>
public sealed record WidgetDescriptor(
    string Key,
    Func<string> Title,
    string Icon,
    EntService Service,
    Profile Profiles,
    WidgetSize DefaultSize,
    WidgetSize MinSize,
    Type Component,
    Type? SettingsType = null,
    Type? SettingsValidator = null,
    string? FullPageRoute = null,
    int PhoneOrder = WidgetDescriptor.DefaultPhoneOrder
)
{
    public const int DefaultPhoneOrder = 50;

    public WidgetRule Rule =>
        new(Key, Service, Profiles, MinSize.Width, MinSize.Height, DefaultSize.Width, DefaultSize.Height);
}

/// <summary>
/// What a widget is given: who is looking, where, for which child, at what size, with which settings.
/// </summary>
public sealed record WidgetContext(
    CurrentUser User,
    Workspace Workspace,
    int? ChildId,
    WidgetSize Size,
    string? SettingsJson
)
{
    /// <summary>
    /// Where the widget stands on the dashboard (0 outside one): its copies there each load their own.
    /// </summary>
    public int PlacementId { get; init; }

    /// <summary>The child whose records the widget shows (a parent's selected child; null for anyone else).</summary>
    public int? ChildViewed => Workspace.ChildViewed(ChildId);

    /// <summary>The widget's settings, or their defaults when none were saved (or they no longer parse).</summary>
    public T Settings<T>()
        where T : new() => WidgetSettings.Read<T>(SettingsJson);
}
