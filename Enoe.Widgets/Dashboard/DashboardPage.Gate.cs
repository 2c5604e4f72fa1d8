using Enoe.Data.Dashboards;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Enoe.Widgets.Dashboard;

/// <summary>
/// The server-side gate as the dashboard sees it: the page itself, and each widget's service, may refuse this person
/// now (from outside the school when inside-only, switched off); a refused widget says why instead of loading data.
/// When the académie changes this établissement, the open page follows at once.
/// </summary>
public partial class DashboardPage : IDisposable
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

    /// <summary>
    /// The académie switched a service of this établissement: its widgets leave the page (or come back) at once,
    /// without waiting for a reload; the services refuse their data anyway.
    /// </summary>
    private async Task OnWorkspaceChangedAsync()
    {
        var workspace = await Session.GetWorkspaceAsync();
        IReadOnlyList<TabView> tabs =
            _user is not null && workspace?.Runs(Enoe.Data.Schools.EntService.Dashboard) == true
                ? await Layouts.GetAsync(_user)
                : [];
        await InvokeAsync(async () =>
        {
            (_workspace, _tabs) = (workspace, [.. tabs]);
            if (_user is not null)
                await CheckServicesAsync(); // inside-only now, or open again: the cards say so
            if (_tabs.All(t => t.Id != _activeTabId))
                _activeTabId = _tabs.FirstOrDefault()?.Id ?? 0;
            StateHasChanged();
        });
    }

    public void Dispose() => Session.WorkspaceChanged -= OnWorkspaceChangedAsync;
}
