using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Enoe.Widgets.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Enoe.Widgets.Dashboard;

public partial class DashboardPage
{
    private enum Panel { None, Catalog, Tab, Settings }

    [Inject] private UserSession Session { get; set; } = default!;
    [Inject] private LayoutService Layouts { get; set; } = default!;
    [Inject] private WidgetCatalog Catalog { get; set; } = default!;
    [Inject] private BrowserPreferences Preferences { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<DashboardPage> Logger { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private CurrentUser? _user;
    private Workspace? _workspace;
    private List<TabView> _tabs = [];
    private int _activeTabId;
    private bool _editing;
    private Panel _panel;
    private string? _message;
    private string _tabTitle = "";
    private int? _renamingTabId;
    private PlacementView? _settingsFor;
    private IReadOnlyList<string> _settingsErrors = [];
    private HashSet<int> _collapsed = [];
    private readonly HashSet<string> _loggedUnknownKeys = [];
    private ElementReference _grid;
    private IJSObjectReference? _dragModule, _dragHandle;
    private DotNetObjectReference<DashboardPage>? _self;

    private TabView? ActiveTab => _tabs.FirstOrDefault(t => t.Id == _activeTabId) ?? _tabs.FirstOrDefault();

    protected override async Task OnInitializedAsync()
    {
        _user = await Session.GetUserAsync();
        _workspace = await Session.GetWorkspaceAsync();
        Session.Changed += OnSessionChanged;
        if (_user is null || _workspace?.Runs(Enoe.Data.Schools.EntService.Dashboard) != true) return;
        _tabs = [.. await Layouts.GetAsync(_user)];
        _activeTabId = _tabs.FirstOrDefault()?.Id ?? 0;
        foreach (var unknown in _tabs.SelectMany(t => t.Placements).Where(p => Catalog.Get(p.WidgetKey) is null))
            if (_loggedUnknownKeys.Add(unknown.WidgetKey))
                Logger.LogWarning("Dashboard placement {PlacementId} names unknown widget '{WidgetKey}': skipped", unknown.Id, unknown.WidgetKey);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _workspace is null) return;
        var preferences = await Preferences.LoadAsync();
        _collapsed = [.. preferences.Collapsed];
        if (preferences.ChildId is int child) await Session.SelectChildAsync(child); // checked against the person's own children
        _self = DotNetObjectReference.Create(this);
        _dragModule = await JS.InvokeAsync<IJSObjectReference>("import", "./js/dashboard.js");
        _dragHandle = await _dragModule.InvokeAsync<IJSObjectReference>("attach", _grid, _self);
        StateHasChanged();
    }

    /// <summary>Called by the drag script. The id comes from the browser: the service checks it is this person's widget.</summary>
    [JSInvokable]
    public async Task DropAsync(int placementId, int x, int y)
    {
        if (_user is null) return;
        Apply(await Layouts.MoveAsync(_user, placementId, x, y));
        StateHasChanged();
    }

    private RenderFragment Card(PlacementView p, WidgetDescriptor d) => builder =>
    {
        var collapsed = _collapsed.Contains(p.Id);
        var title = L[d.TitleKey].Value;
        builder.OpenElement(0, "section");
        builder.SetKey(p.Id);
        builder.AddAttribute(1, "class", collapsed ? "enoe-widget enoe-widget-collapsed" : "enoe-widget");
        builder.AddAttribute(2, "style", $"grid-column: {p.X + 1} / span {p.Width}; grid-row: {p.Y + 1} / span {(collapsed ? 1 : p.Height)};");
        builder.AddAttribute(3, "data-placement", p.Id);
        builder.AddAttribute(4, "data-x", p.X);
        builder.AddAttribute(5, "data-y", p.Y);
        builder.AddAttribute(6, "data-w", p.Width);
        builder.AddAttribute(7, "data-h", p.Height);
        builder.AddAttribute(8, "data-widget", d.Key);
        builder.AddAttribute(9, "aria-label", title);

        builder.OpenElement(10, "header");
        builder.AddAttribute(11, "class", "enoe-widget-header");
        if (_editing && !p.Locked)
        {
            builder.OpenElement(12, "span");
            builder.AddAttribute(13, "class", "enoe-drag-handle");
            builder.AddAttribute(14, "title", "Glisser pour déplacer");
            builder.AddAttribute(15, "aria-hidden", "true");
            builder.AddContent(16, "⠿");
            builder.CloseElement();
        }
        builder.OpenElement(17, "h2");
        builder.AddContent(18, title);
        if (p.Locked) builder.AddMarkupContent(19, " <span class=\"enoe-lock\" title=\"Imposé et verrouillé par l'établissement\" aria-label=\"verrouillé\">🔒</span>");
        builder.CloseElement();
        builder.OpenElement(20, "div");
        builder.AddAttribute(21, "class", "enoe-widget-actions");
        if (_editing && !p.Locked)
        {
            builder.AddContent(22, Action("←", $"Déplacer {title} vers la gauche", () => MoveByAsync(p.Id, MoveDirection.Left)));
            builder.AddContent(23, Action("→", $"Déplacer {title} vers la droite", () => MoveByAsync(p.Id, MoveDirection.Right)));
            builder.AddContent(24, Action("↑", $"Déplacer {title} vers le haut", () => MoveByAsync(p.Id, MoveDirection.Up)));
            builder.AddContent(25, Action("↓", $"Déplacer {title} vers le bas", () => MoveByAsync(p.Id, MoveDirection.Down)));
            builder.AddContent(26, Action("⇤", $"Rétrécir {title}", () => ResizeAsync(p, p.Width - 1, p.Height)));
            builder.AddContent(27, Action("⇥", $"Élargir {title}", () => ResizeAsync(p, p.Width + 1, p.Height)));
            builder.AddContent(28, Action("⤒", $"Réduire la hauteur de {title}", () => ResizeAsync(p, p.Width, p.Height - 1)));
            builder.AddContent(29, Action("⤓", $"Augmenter la hauteur de {title}", () => ResizeAsync(p, p.Width, p.Height + 1)));
        }
        if (_editing && d.SettingsType is not null)
            builder.AddContent(30, Action("⚙", $"Réglages de {title}", () => { OpenSettings(p); return Task.CompletedTask; }));
        if (_editing && !p.Locked && !p.Mandatory)
            builder.AddContent(31, Action("✕", $"Retirer {title}", () => RemoveAsync(p.Id)));
        builder.AddContent(32, Action(collapsed ? "▸" : "▾", collapsed ? $"Déplier {title}" : $"Replier {title}", () => ToggleCollapsedAsync(p.Id)));
        if (d.FullPageRoute is { } route)
        {
            builder.OpenElement(33, "a");
            builder.AddAttribute(34, "href", route);
            builder.AddAttribute(35, "class", "enoe-icon-button");
            builder.AddAttribute(36, "aria-label", $"Ouvrir {title} en pleine page");
            builder.AddContent(37, "↗");
            builder.CloseElement();
        }
        builder.CloseElement(); // actions
        builder.CloseElement(); // header

        if (!collapsed)
        {
            builder.OpenElement(40, "div");
            builder.AddAttribute(41, "class", "enoe-widget-body");
            // A widget that throws shows a small error card; the rest of the page goes on working.
            builder.OpenComponent<ErrorBoundary>(42);
            builder.AddComponentParameter(43, nameof(ErrorBoundary.ChildContent), (RenderFragment)(b =>
            {
                b.OpenComponent<DynamicComponent>(0);
                b.AddComponentParameter(1, nameof(DynamicComponent.Type), d.Component);
                b.AddComponentParameter(2, nameof(DynamicComponent.Parameters), new Dictionary<string, object>
                {
                    ["Context"] = new WidgetContext(_user!, _workspace!, Session.SelectedChildId, new WidgetSize(p.Width, p.Height), p.SettingsJson),
                });
                b.CloseComponent();
            }));
            builder.AddComponentParameter(44, nameof(ErrorBoundary.ErrorContent), (RenderFragment<Exception>)(_ => b =>
                b.AddMarkupContent(0, "<p class=\"enoe-widget-error\" role=\"alert\">Ce widget a rencontré un problème. Le reste de la page fonctionne ; réessayez plus tard.</p>")));
            builder.CloseComponent();
            builder.CloseElement();
        }
        builder.CloseElement(); // section
    };

    private RenderFragment Action(string symbol, string label, Func<Task> onClick) => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "class", "enoe-icon-button");
        builder.AddAttribute(3, "title", label);
        builder.AddAttribute(4, "aria-label", label);
        builder.AddAttribute(5, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, onClick));
        builder.AddContent(6, symbol);
        builder.CloseElement();
    };

    private void ToggleEditing()
    {
        _editing = !_editing;
        _panel = Panel.None;
        _message = null;
    }

    private async Task AddAsync(string key)
    {
        if (Apply(await Layouts.AddWidgetAsync(_user!, ActiveTab!.Id, key))) _panel = Panel.None;
    }

    private async Task RemoveAsync(int placementId) => Apply(await Layouts.RemoveAsync(_user!, placementId));

    private async Task MoveByAsync(int placementId, MoveDirection direction) => Apply(await Layouts.MoveByAsync(_user!, placementId, direction));

    private async Task ResizeAsync(PlacementView p, int width, int height) => Apply(await Layouts.ResizeAsync(_user!, p.Id, width, height));

    private void OpenSettings(PlacementView p)
    {
        _settingsFor = p;
        _settingsErrors = [];
        _panel = Panel.Settings;
    }

    private async Task SaveSettingsAsync(int placementId, string json)
    {
        var result = await Layouts.SaveSettingsAsync(_user!, placementId, json);
        _settingsErrors = result.Errors;
        if (Apply(result)) _panel = Panel.None;
    }

    private void OpenTabPanel(TabView? tab)
    {
        _renamingTabId = tab?.Id;
        _tabTitle = tab?.Title ?? "";
        _panel = Panel.Tab;
    }

    private async Task SaveTabAsync()
    {
        var result = _renamingTabId is int id ? await Layouts.RenameTabAsync(_user!, id, _tabTitle) : await Layouts.AddTabAsync(_user!, _tabTitle);
        if (Apply(result))
        {
            _activeTabId = result.Value!.Id;
            _panel = Panel.None;
        }
    }

    private async Task MoveTabAsync(int offset)
    {
        var result = await Layouts.MoveTabAsync(_user!, _activeTabId, offset);
        _message = result.Succeeded ? null : result.Errors[0];
        if (result.Succeeded) _tabs = [.. result.Value!];
    }

    private async Task DeleteTabAsync()
    {
        var result = await Layouts.DeleteTabAsync(_user!, _activeTabId);
        _message = result.Succeeded ? null : result.Errors[0];
        if (!result.Succeeded) return;
        _tabs.RemoveAll(t => t.Id == _activeTabId);
        _activeTabId = _tabs.FirstOrDefault()?.Id ?? 0;
    }

    private async Task ResetAsync()
    {
        _tabs = [.. await Layouts.ResetAsync(_user!)];
        _activeTabId = _tabs.FirstOrDefault()?.Id ?? 0;
        _message = null;
        _panel = Panel.None;
    }

    private async Task ToggleCollapsedAsync(int placementId)
    {
        if (!_collapsed.Remove(placementId)) _collapsed.Add(placementId);
        await Preferences.SaveAsync(new Preferences([.. _collapsed], Session.SelectedChildId));
    }

    /// <summary>Shows the refusal, or puts the changed tab in place. True when the change was made.</summary>
    private bool Apply(Result<TabView> result)
    {
        _message = result.Succeeded ? null : string.Join(" ", result.Errors);
        if (!result.Succeeded) return false;
        var index = _tabs.FindIndex(t => t.Id == result.Value!.Id);
        if (index >= 0) _tabs[index] = result.Value!;
        else _tabs.Add(result.Value!);
        return true;
    }

    private void OnSessionChanged() => _ = InvokeAsync(async () =>
    {
        StateHasChanged();
        await Preferences.SaveAsync(new Preferences([.. _collapsed], Session.SelectedChildId));
    });

    public async ValueTask DisposeAsync()
    {
        Session.Changed -= OnSessionChanged;
        try
        {
            if (_dragHandle is not null) { await _dragHandle.InvokeVoidAsync("dispose"); await _dragHandle.DisposeAsync(); }
            if (_dragModule is not null) await _dragModule.DisposeAsync();
        }
        catch (JSDisconnectedException) { } // the circuit is gone with the browser tab
        _self?.Dispose();
    }
}
