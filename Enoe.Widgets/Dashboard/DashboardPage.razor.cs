using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Enoe.Widgets.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Enoe.Widgets.Dashboard;

public partial class DashboardPage
{
    private enum Panel
    {
        None,
        Catalog,
        Tab,
        Settings,
    }

    [Inject]
    private UserSession Session { get; set; } = default!;

    [Inject]
    private LayoutService Layouts { get; set; } = default!;

    [Inject]
    private WidgetCatalog Catalog { get; set; } = default!;

    [Inject]
    private PrerenderedValues Prerendered { get; set; } = default!;

    [Inject]
    private BrowserPreferences Preferences { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private CurrentUser? _user;
    private Workspace? _workspace;
    private List<TabView> _tabs = [];
    private int _activeTabId;
    private bool _editing;
    private Panel _panel;

    /// <summary>Why the last change was refused, shown as an alert beside the grid.</summary>
    private string? _message;

    /// <summary>Where the last change put a widget, for screen readers.</summary>
    private string? _status;

    /// <summary>What the catalogue just added, and where.</summary>
    private string? _added;
    private string _tabTitle = "";
    private int? _renamingTabId;
    private PlacementView? _settingsFor;
    private IReadOnlyList<string> _settingsErrors = [];
    private HashSet<int> _collapsed = [];
    private ConfirmDialog? _confirm;

    private TabView? ActiveTab => _tabs.FirstOrDefault(t => t.Id == _activeTabId) ?? _tabs.FirstOrDefault();

    protected override async Task OnInitializedAsync()
    {
        _user = await Session.GetUserAsync();
        _workspace = await Session.GetWorkspaceAsync();
        Session.WorkspaceChanged += OnWorkspaceChangedAsync;
        if (_user is null || _workspace?.Runs(Enoe.Data.Schools.EntService.Dashboard) != true)
            return;
        await CheckServicesAsync();
        if (_pageRefusal is not null)
            return;
        var user = _user;
        _tabs =
        [
            .. await Prerendered.TakeOrLoadAsync(
                $"dashboard:{user.PersonId}",
                () => !RendererInfo.IsInteractive,
                () => Layouts.GetAsync(user)
            ),
        ];
        _activeTabId = _tabs.FirstOrDefault()?.Id ?? 0;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _workspace is null)
            return;
        _collapsed = [.. (await Preferences.LoadAsync()).Collapsed];
        if (_collapsed.Count > 0)
            StateHasChanged();
    }

    /// <summary>
    /// The widget's component, opened by its type as DynamicComponent would, without DynamicComponent's
    /// own component instance: one fewer live component per widget in every open circuit.
    /// </summary>
    private RenderFragment Widget(WidgetDescriptor widget, PlacementView p) =>
        builder =>
        {
            if (_refused.TryGetValue(widget.Service, out var why))
            {
                Refused(builder, why);
                return;
            }
            builder.OpenComponent(0, widget.Component);
            builder.AddComponentParameter(
                1,
                nameof(WidgetBase.Context),
                new WidgetContext(
                    _user!,
                    _workspace!,
                    Session.SelectedChildId,
                    new WidgetSize(p.Width, p.Height),
                    p.SettingsJson
                )
                {
                    PlacementId = p.Id,
                }
            );
            builder.CloseComponent();
        };

    private string Title(PlacementView p) => Catalog.Get(p.WidgetKey) is { } d ? d.Title() : p.WidgetKey;

    private async Task RunAsync(LayoutCommand command)
    {
        switch (command.Kind)
        {
            case LayoutCommandKind.Move:
                Placed(command.PlacementId, await Layouts.MoveAsync(_user!, command.PlacementId, command.X, command.Y));
                break;
            case LayoutCommandKind.MoveBy:
                Placed(command.PlacementId, await Layouts.MoveByAsync(_user!, command.PlacementId, command.Direction));
                break;
            case LayoutCommandKind.Resize:
                Placed(
                    command.PlacementId,
                    await Layouts.ResizeAsync(_user!, command.PlacementId, command.Width, command.Height)
                );
                break;
            case LayoutCommandKind.Remove:
                Apply(await Layouts.RemoveAsync(_user!, command.PlacementId));
                break;
            case LayoutCommandKind.ToggleCollapsed:
                await ToggleCollapsedAsync(command.PlacementId);
                break;
            case LayoutCommandKind.Settings:
                _settingsFor = ActiveTab?.Placements.FirstOrDefault(p => p.Id == command.PlacementId);
                _settingsErrors = [];
                _panel = Panel.Settings;
                break;
        }
    }

    /// <summary>Applies a move or resize and says where the widget now stands.</summary>
    private void Placed(int placementId, Result<TabView> result)
    {
        if (Apply(result) && result.Value!.Placements.FirstOrDefault(p => p.Id == placementId) is { } p)
            _status = DashboardText.FormatPage_Placed(Title(p), p.Y + 1, p.X + 1, p.Width, p.Height);
    }

    private void ToggleEditing()
    {
        _editing = !_editing;
        ClosePanel();
        _message = null;
    }

    private void SelectTab(int tabId)
    {
        _activeTabId = tabId;
        _added = null;
    }

    private void OpenCatalog()
    {
        _panel = Panel.Catalog;
        _added = null;
    }

    private void ClosePanel()
    {
        _panel = Panel.None;
        _added = null;
    }

    /// <summary>Adds a widget and keeps the catalogue open, saying what was added where.</summary>
    private async Task AddAsync(WidgetDescriptor widget)
    {
        var before = ActiveTab!.Placements.Select(p => p.Id).ToHashSet();
        var result = await Layouts.AddWidgetAsync(_user!, ActiveTab.Id, widget.Key);
        if (Apply(result))
            _added = CatalogPanel.Confirmation(widget.Title(), before, result.Value!.Placements);
    }

    private async Task RestoreAsync(PlacementView stowed)
    {
        var result = await Layouts.RestoreAsync(_user!, stowed.Id);
        if (Apply(result) && result.Value!.Placements.FirstOrDefault(p => p.Id == stowed.Id) is { } p)
            _status = DashboardText.FormatTray_Restored(Title(p), p.Y + 1, p.X + 1);
    }

    private async Task RemoveStowedAsync(PlacementView stowed) => Apply(await Layouts.RemoveAsync(_user!, stowed.Id));

    private async Task SaveSettingsAsync(int placementId, string json)
    {
        var result = await Layouts.SaveSettingsAsync(_user!, placementId, json);
        _settingsErrors = result.Errors;
        if (Apply(result))
            ClosePanel();
    }

    private void OpenTabPanel(TabView? tab)
    {
        _renamingTabId = tab?.Id;
        _tabTitle = tab?.Title ?? "";
        _panel = Panel.Tab;
    }

    private async Task SaveTabAsync()
    {
        var result = _renamingTabId is int id
            ? await Layouts.RenameTabAsync(_user!, id, _tabTitle)
            : await Layouts.AddTabAsync(_user!, _tabTitle);
        if (Apply(result))
        {
            _activeTabId = result.Value!.Id;
            ClosePanel();
        }
    }

    private async Task MoveTabAsync(int offset)
    {
        var result = await Layouts.MoveTabAsync(_user!, _activeTabId, offset);
        _message = result.Succeeded ? null : result.Errors[0];
        if (result.Succeeded)
            _tabs = [.. result.Value!];
    }

    private async Task DeleteTabAsync()
    {
        if (
            ActiveTab is not { } tab
            || _confirm is null
            || !await _confirm.AskAsync(DashboardText.FormatTabs_DeleteQuestion(tab.Title))
        )
            return;
        var result = await Layouts.DeleteTabAsync(_user!, tab.Id);
        _message = result.Succeeded ? null : result.Errors[0];
        if (!result.Succeeded)
            return;
        _tabs.RemoveAll(t => t.Id == tab.Id);
        _activeTabId = _tabs.FirstOrDefault()?.Id ?? 0;
    }

    private async Task ResetAsync()
    {
        if (_confirm is null || !await _confirm.AskAsync(DashboardText.Page_ResetQuestion, DashboardText.Page_Reset))
            return;
        _tabs = [.. await Layouts.ResetAsync(_user!)];
        _activeTabId = _tabs.FirstOrDefault()?.Id ?? 0;
        _message = null;
        ClosePanel();
    }

    private async Task ToggleCollapsedAsync(int placementId)
    {
        if (!_collapsed.Remove(placementId))
            _collapsed.Add(placementId);
        var collapsed = _collapsed.ToArray();
        await Preferences.UpdateAsync(p => p with { Collapsed = collapsed });
    }

    /// <summary>Shows the refusal, or puts the changed tab in place. True when the change was made.</summary>
    private bool Apply(Result<TabView> result)
    {
        _message = result.Succeeded ? null : string.Join(" ", result.Errors);
        if (!result.Succeeded)
        {
            _status = null;
            return false;
        }
        var index = _tabs.FindIndex(t => t.Id == result.Value!.Id);
        if (index >= 0)
            _tabs[index] = result.Value!;
        else
            _tabs.Add(result.Value!);
        return true;
    }
}
