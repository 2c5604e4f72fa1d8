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

    private CurrentUser _user = default!;
    private bool _allowed;
    private SchoolLifeDay? _day;
    private IReadOnlyList<AbsenceView> _pending = [];
    private IReadOnlyList<(int Id, string Name)> _classes = [];
    private IReadOnlyList<(int Id, string Name)> _students = [];
    private string? _message,
        _status;
    private IDisposable? _subscription;

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
        _students = await Attendance.StudentsAsync(_user);
        // A roll call, a report or a justification anywhere in the établissement: the desk reads again.
        _subscription = Events.Subscribe<AttendanceChanged>(e =>
            e.SchoolId == _user.SchoolId && (e.Date == Day || e.StudentId == 0) ? InvokeAsync(ReloadAsync)
            : e.SchoolId == _user.SchoolId ? InvokeAsync(ReloadPendingAsync)
            : Task.CompletedTask
        );
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

    public void Dispose() => _subscription?.Dispose();
}
