using Enoe.Data.Events;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.SchoolLife;

public partial class SchoolLifePage
{
    [Inject]
    private AttendanceService Attendance { get; set; } = default!;

    [Inject]
    private LogbookService Logbook { get; set; } = default!;

    [Inject]
    private UserSession Session { get; set; } = default!;

    [Inject]
    private Data.Timetable.TimetableService Timetable { get; set; } = default!;

    [Inject]
    private LiveEvents Events { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private CurrentUser _user = default!;
    private bool _allowed;
    private SchoolLifeDay? _day;
    private IReadOnlyList<AbsenceView> _pending = [];
    private IReadOnlyList<(int Id, string Name)> _classes = [];
    private string? _message,
        _status;
    private IDisposable? _subscription;
    private ITimer? _timer;
    private ConfirmDialog _confirm = default!;

    private DateOnly Day { get; set; }

    private static string[] DayColumns =>
        [
            SchoolLifeText.Col_Hours,
            SchoolLifeText.Col_Student,
            SchoolLifeText.Col_Class,
            SchoolLifeText.Col_What,
            SchoolLifeText.Col_Lesson,
            SchoolLifeText.Col_Justification,
        ];

    protected override async Task OnInitializedAsync()
    {
        _user = (await Session.GetUserAsync())!;
        _allowed = await Attendance.ManagesAsync(_user);
        if (!_allowed)
            return;
        Day = DateOnly.FromDateTime(Timetable.Now);
        _classes = await Logbook.ClassesForDirectionAsync(_user);
        // A roll call, a report or a justification anywhere in the établissement: the desk reads again.
        _subscription = Events.Subscribe<AttendanceChanged>(e =>
            e.SchoolId == _user.SchoolId && (e.Date == Day || e.StudentId == 0) ? InvokeAsync(ReloadAsync)
            : e.SchoolId == _user.SchoolId ? InvokeAsync(ReloadPendingAsync)
            : Task.CompletedTask
        );
        await ReloadAsync();
        // A lesson beginning makes its roll call due with no event: today's list is read again at each minute's top.
        var late = TimeSpan.FromTicks(Clock.GetUtcNow().Ticks % TimeSpan.TicksPerMinute);
        _timer = Clock.CreateTimer(_ => _ = InvokeAsync(TickAsync), null, TimeSpan.FromMinutes(1) - late, Minute);
    }

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private async Task TickAsync()
    {
        if (Day != DateOnly.FromDateTime(Timetable.Now))
            return;
        await LoadDayAsync();
        StateHasChanged();
    }

    private async Task DeleteAsync(AbsenceView absence)
    {
        var hours = AttendanceText.Hours(absence);
        if (!await _confirm.AskAsync(SchoolLifeText.FormatReport_ConfirmDelete(absence.Student, hours)))
            return;
        var result = await Attendance.DeleteReportAsync(_user, absence.Id);
        _message = result.Succeeded ? null : string.Join(" ", result.Errors);
        _status = result.Succeeded ? SchoolLifeText.Report_Deleted : null;
        await ReloadAsync();
    }

    private async Task LoadDayAsync()
    {
        var day = await Attendance.DayAsync(_user, Day);
        (_day, _message) = (day.Value, day.Succeeded ? null : string.Join(" ", day.Errors));
    }

    private async Task ReloadAsync()
    {
        await LoadDayAsync();
        _pending = await Attendance.PendingAsync(_user);
        StateHasChanged();
    }

    private async Task ReloadPendingAsync()
    {
        _pending = await Attendance.PendingAsync(_user);
        StateHasChanged();
    }

    private async Task ReportedAsync()
    {
        _status = SchoolLifeText.Report_Saved;
        await ReloadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _timer?.Dispose();
    }
}
