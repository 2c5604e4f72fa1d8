using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;

namespace Enoe.App.Components.Academy;

public partial class ServiceSwitchesPage
{
    private static readonly ServiceState[] States = [ServiceState.On, ServiceState.InsideOnly, ServiceState.Off];

    [Inject]
    private SchoolServiceSwitches Switches { get; set; } = default!;

    [Inject]
    private UserSession Session { get; set; } = default!;

    [Inject]
    private IEnumerable<UiModule> Modules { get; set; } = default!;

    // The services the modules declare, in their order, named in the reader's language: found once for
    // the page, not again for every établissement's row.
    private IReadOnlyList<(EntService Service, string Name)> _services = [];
    private IReadOnlyList<SchoolServices>? _schools;
    private IReadOnlyList<SwitchChangeView> _history = [];
    private readonly HashSet<int> _selected = [];
    private string _bulkService = "";
    private ServiceState _bulkState = ServiceState.Off;
    private string _bulkScope = "selection";
    private string? _message;
    private bool _failed;
    private CurrentUser _user = default!;
    private ConfirmDialog? _confirm;

    protected override async Task OnInitializedAsync()
    {
        _services =
        [
            .. Modules
                .Where(m => m is { Service: not null, Name: not null })
                .OrderBy(m => m.Order)
                .Select(m => (m.Service!.Value, m.Name!)),
        ];
        _bulkService = _services.FirstOrDefault().Service.Key ?? "";
        _user = (await Session.GetUserAsync())!;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var schools = await Switches.ListAsync(_user);
        if (!schools.Succeeded)
        {
            Show(schools.Errors[0], failed: true);
            return;
        }
        _schools = schools.Value;
        _selected.IntersectWith(_schools!.Select(s => s.SchoolId));
        _history = (await Switches.HistoryAsync(_user)).Value ?? [];
    }

    private void Select(int schoolId, bool selected)
    {
        if (selected)
            _selected.Add(schoolId);
        else
            _selected.Remove(schoolId);
    }

    /// <summary>A cell's state was chosen: the page shows what would change, then applies it when confirmed.</summary>
    private async Task ChangeOneAsync(int schoolId, EntService service, object? value)
    {
        if (Enum.TryParse<ServiceState>(value as string, out var state))
            await PlanThenApplyAsync([schoolId], service, state);
        else
            await LoadAsync();
    }

    private async Task ApplyBulkAsync()
    {
        if (_schools is null)
            return;
        int[] ids = _bulkScope switch
        {
            "all" => [.. _schools.Select(s => s.SchoolId)],
            "selection" => [.. _selected],
            var kind when Enum.TryParse<SchoolKind>(kind, out var k) =>
            [
                .. _schools.Where(s => s.Kind == k).Select(s => s.SchoolId),
            ],
            _ => [],
        };
        await PlanThenApplyAsync(ids, new EntService(_bulkService), _bulkState);
    }

    private async Task PlanThenApplyAsync(IReadOnlyCollection<int> ids, EntService service, ServiceState state)
    {
        var plan = await Switches.PlanAsync(_user, ids, service, state);
        if (!plan.Succeeded)
        {
            Show(plan.Errors[0], failed: true);
            await LoadAsync(); // the cell's select goes back to the state stored
            return;
        }
        var question = Describe(plan.Value!);
        if (question is null)
        {
            Show(AcademyText.FormatPlan_Nothing(ServiceName(service.Key)), failed: false);
        }
        else if (await _confirm!.AskAsync(question, AcademyText.Plan_Confirm, AcademyText.Plan_Cancel))
        {
            var applied = await Switches.ApplyAsync(_user, ids, service, state);
            if (applied.Succeeded)
                Show(AcademyText.FormatApplied(ServiceName(service.Key), applied.Value), failed: false);
            else
                Show(applied.Errors[0], failed: true);
        }
        await LoadAsync();
        StateHasChanged();
    }

    /// <summary>The question that says what the change does, or null when it changes nothing.</summary>
    private string? Describe(SwitchPlan plan)
    {
        if (plan.Changing.Count == 0)
            return null;
        var (name, count, people) = (ServiceName(plan.Service.Key), plan.Changing.Count, plan.People);
        var schools = string.Join(", ", plan.Changing.Take(5)) + (plan.Changing.Count > 5 ? ", …" : "");
        var question = plan.To switch
        {
            ServiceState.Off => AcademyText.FormatPlan_Off(name, count, schools, people),
            ServiceState.InsideOnly => AcademyText.FormatPlan_InsideOnly(name, count, schools, people),
            _ => AcademyText.FormatPlan_On(name, count, schools, people),
        };
        return plan.Unchanged > 0 ? question + " " + AcademyText.FormatPlan_AlreadyIn(plan.Unchanged) : question;
    }

    private void Show(string message, bool failed) => (_message, _failed) = (message, failed);

    private string ServiceName(string key) => _services.FirstOrDefault(s => s.Service.Key == key).Name ?? key;

    private static string StateName(ServiceState state) =>
        state switch
        {
            ServiceState.On => AcademyText.State_On,
            ServiceState.InsideOnly => AcademyText.State_InsideOnly,
            _ => AcademyText.State_Off,
        };
}
