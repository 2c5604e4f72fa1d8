using Enoe.Data.Schools;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Enoe.Widgets.Dashboard;

/// <summary>
/// The server-side gate as the dashboard sees it: the page itself, and each widget's service, may refuse this person
/// now (from outside the school when inside-only, switched off); a refused widget says why instead of loading data.
/// </summary>
public partial class DashboardPage
{
    [Inject]
    private ServiceAccess Access { get; set; } = default!;

    /// <summary>Why the dashboard itself refuses this person now; null when it does not.</summary>
    private string? _pageRefusal;

    /// <summary>The widget services that refuse this person now, with why.</summary>
    private Dictionary<EntService, string> _refused = [];

    /// <summary>Asks the gate about the dashboard and every widget's service (cached: dictionary look-ups).</summary>
    private async Task CheckServicesAsync()
    {
        _pageRefusal = (await Access.RefusalAsync(_user!, EntService.Dashboard))?.Errors[0];
        var refused = new Dictionary<EntService, string>();
        foreach (var service in Catalog.Widgets.Select(w => w.Service).Distinct())
            if (await Access.RefusalAsync(_user!, service) is { } refusal)
                refused[service] = refusal.Errors[0];
        _refused = refused;
    }

    private static void Refused(RenderTreeBuilder builder, string why)
    {
        builder.OpenElement(10, "p");
        builder.AddAttribute(11, "class", "enoe-widget-empty enoe-widget-refused");
        builder.AddContent(12, why);
        builder.CloseElement();
    }
}
