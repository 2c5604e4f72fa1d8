using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Enoe.Widgets.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Enoe.Widgets.Dashboard;

public partial class DashboardPage
{
    private enum Panel { None, Catalog, Tab, Settings }

    [Inject] private UserSession Session { get; set; } = default!;
    [Inject] private LayoutService Layouts { get; set; } = default!;
    [Inject] private WidgetCatalog Catalog { get; set; } = default!;
    [Inject] private BrowserPreferences Preferences { get; set; } = default!;
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
        _collapsed = [.. (await Preferences.LoadAsync()).Collapsed];
        if (_collapsed.Count > 0) StateHasChanged();
    }

    /// <summary>
    /// The widget's component, opened by its type as DynamicComponent would, without DynamicComponent's
    /// own component instance: one fewer live component per widget in every open circuit.
    /// </summary>
    private RenderFragment Widget(WidgetDescriptor widget, PlacementView p) => builder =>
    {
        builder.OpenComponent(0, widget.Component);
        builder.AddComponentParameter(1, nameof(WidgetBase.Context),
            new WidgetContext(_user!, _workspace!, Session.SelectedChildId, new WidgetSize(p.Width, p.Height), p.SettingsJson));
        builder.CloseComponent();
    };

    private async Task RunAsync(LayoutCommand command)
    {
        switch (command.Kind)
        {
            case LayoutCommandKind.Move: Apply(await Layouts.MoveAsync(_user!, command.PlacementId, command.X, command.Y)); break;
            case LayoutCommandKind.MoveBy: Apply(await Layouts.MoveByAsync(_user!, command.PlacementId, command.Direction)); break;
            case LayoutCommandKind.Resize: Apply(await Layouts.ResizeAsync(_user!, command.PlacementId, command.Width, command.Height)); break;
            case LayoutCommandKind.Remove: Apply(await Layouts.RemoveAsync(_user!, command.PlacementId)); break;
            case LayoutCommandKind.ToggleCollapsed: await ToggleCollapsedAsync(command.PlacementId); break;
            case LayoutCommandKind.Settings:
                _settingsFor = ActiveTab?.Placements.FirstOrDefault(p => p.Id == command.PlacementId);
                _settingsErrors = [];
                _panel = Panel.Settings;
                break;
        }
    }

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
        var collapsed = _collapsed.ToArray();
        await Preferences.UpdateAsync(p => p with { Collapsed = collapsed });
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

    private void OnSessionChanged() => _ = InvokeAsync(StateHasChanged);

    public void Dispose() => Session.Changed -= OnSessionChanged;
}
