using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Timetable;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Enoe.Widgets.Timetable;

public partial class TimetablePage
{
    [Inject]
    private TimetableService Timetable { get; set; } = default!;

    [Inject]
    private TimetableImport Import { get; set; } = default!;

    [Inject]
    private UserSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private LiveEvents Events { get; set; } = default!;

    /// <summary>
    /// The day shown (its week in the week view), <c>yyyy-MM-dd</c>; today when absent or unreadable.
    /// </summary>
    [SupplyParameterFromQuery(Name = "date")]
    public string? Date { get; set; }

    /// <summary><c>jour</c> for one day (a phone's view), else the week.</summary>
    [SupplyParameterFromQuery(Name = "vue")]
    public string? View { get; set; }

    [SupplyParameterFromQuery(Name = "classe")]
    public int? ClassId { get; set; }

    [SupplyParameterFromQuery(Name = "groupe")]
    public int? GroupId { get; set; }

    [SupplyParameterFromQuery(Name = "prof")]
    public int? TeacherId { get; set; }

    [SupplyParameterFromQuery(Name = "salle")]
    public string? Room { get; set; }

    private CurrentUser _user = default!;
    private Workspace? _workspace;
    private TimetableChoices _choices = TimetableChoices.None;
    private TimetableWeek? _week;
    private LessonView? _editing;
    private bool _canChange,
        _canImport,
        _dayView;
    private DateOnly _day;
    private string? _message,
        _status;
    private IDisposable? _changes,
        _imports;
    private readonly OneAtATime _writing = new();

    private DateOnly Today => DateOnly.FromDateTime(Timetable.Now);

    /// <summary>
    /// Whose timetable the address asks for; a parent's child chosen in the header, else the reader's.
    /// </summary>
    private TimetableOf Of =>
        ClassId is int c ? new(TimetableKind.Class, c)
        : GroupId is int g ? new(TimetableKind.Group, g)
        : TeacherId is int t ? new(TimetableKind.Teacher, t)
        : !string.IsNullOrWhiteSpace(Room) ? new(TimetableKind.Room, Room: Room)
        // A teacher who is also a parent sees their own lessons here; their child's are one link away.
        : _user.Is(Profile.Teacher) ? TimetableOf.Mine
        : TimetableOf.MineOr(_workspace?.ChildViewed(Session.SelectedChildId));

    private bool HasChoices => _choices.Classes.Count + _choices.Groups.Count + _choices.Rooms.Count > 0;

    /// <summary>A learner's own timetable does not repeat their class on every line.</summary>
    private bool ShowAudience =>
        Of.Kind is not (TimetableKind.Class or TimetableKind.Student)
        && !(_workspace?.Profiles.HasAny(Profile.Student | Profile.Parent) == true && Of.Kind == TimetableKind.Mine);

    protected override async Task OnInitializedAsync()
    {
        _user = (await Session.GetUserAsync())!;
        _workspace = await Session.GetWorkspaceAsync();
        _choices = await Timetable.ChoicesAsync(_user);
        _canChange = await Timetable.CanChangeAsync(_user);
        _canImport = await Import.CanImportAsync(_user);
        _changes = Events.Subscribe<LessonChanged>(e =>
            _week is { } week && week.Audience.Concerns(e) && e.Touches(week.Monday, week.Monday.AddDays(6))
                ? InvokeAsync(ReloadAsync)
                : Task.CompletedTask
        );
        _imports = Events.Subscribe<TimetableImported>(e =>
            _week?.Audience.Concerns(e) == true ? InvokeAsync(ReloadAsync) : Task.CompletedTask
        );
    }

    protected override async Task OnParametersSetAsync()
    {
        _day = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : Today;
        _dayView = View == "jour";
        (_editing, _status) = (null, null);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        // A live reload and a new address may cross: only the latest read is shown.
        var load = ++_loads;
        var week = await Timetable.WeekAsync(_user, Of, _day);
        if (load == _loads)
            (_week, _message) = (week.Value, week.Succeeded ? null : string.Join(" ", week.Errors));
    }

    private int _loads;

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    /// <summary>The day asked for, empty when it is not in the week's columns (a Sunday, a Saturday off).</summary>
    private IEnumerable<TimetableDay> DayShown(TimetableWeek week) =>
        week.Days.Where(d => d.Date == _day).DefaultIfEmpty(new(_day, null, []));

    private static string WeekKind(TimetableWeek week) =>
        week.Kind switch
        {
            WeekPattern.A => " · " + TimetableText.Week_A,
            WeekPattern.B => " · " + TimetableText.Week_B,
            _ => "",
        };

    /// <summary>The address of a day (or its week) of a timetable: what the links and the back button keep.</summary>
    private string Link(DateOnly day, bool dayView, TimetableOf of) =>
        Navigation.GetUriWithQueryParameters(
            "/emploi-du-temps",
            new Dictionary<string, object?>
            {
                ["date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["vue"] = dayView ? "jour" : null,
                ["classe"] = of.Kind == TimetableKind.Class ? of.Id : null,
                ["groupe"] = of.Kind == TimetableKind.Group ? of.Id : null,
                ["prof"] = of.Kind == TimetableKind.Teacher ? of.Id : null,
                ["salle"] = of.Kind == TimetableKind.Room ? of.Room : null,
            }
        );

    private void Show(string kind, object? value)
    {
        var text = value?.ToString() ?? "";
        int.TryParse(text, CultureInfo.InvariantCulture, out var id);
        TimetableOf of = kind switch
        {
            _ when text.Length == 0 => TimetableOf.Mine,
            "classe" => new(TimetableKind.Class, id),
            "groupe" => new(TimetableKind.Group, id),
            "prof" => new(TimetableKind.Teacher, id),
            _ => new(TimetableKind.Room, Room: text),
        };
        Navigation.NavigateTo(Link(_day, _dayView, of));
    }

    /// <summary>The teacher's own lesson, today or before, where the vie scolaire service runs.</summary>
    private bool TakesRollCall(LessonView lesson) =>
        lesson.TakesPlace
        && lesson.TeacherId == _user.PersonId
        && lesson.Date <= Today
        && _workspace?.Runs(EntService.SchoolLife) == true;

    internal static string RollCallLink(LessonView lesson) =>
        string.Create(CultureInfo.InvariantCulture, $"/appel/{lesson.LessonId}/{lesson.Date:yyyy-MM-dd}");

    internal static string RollCallLabel(LessonView lesson) =>
        SchoolLife.SchoolLifeText.FormatRollCall_TakeLabel(lesson.Subject, lesson.Audience, LessonText.Hours(lesson));

    private static string ChangeLabel(LessonView lesson) =>
        TimetableText.FormatChange_Label(lesson.Subject, lesson.Date.ToString("dddd d MMMM"));

    private void Edit(LessonView lesson) => (_editing, _status, _message) = (lesson, null, null);

    /// <summary>Each "Modifier" button of the grid, by lesson and day: where the focus goes back.</summary>
    private readonly Dictionary<(int, DateOnly), ElementReference> _openers = [];
    private ElementReference _statusShown;
    private Func<ValueTask>? _refocus;

    /// <summary>The form closed without a change: back to the button that opened it.</summary>
    private void Close()
    {
        if (_editing is { } closed && _openers.TryGetValue((closed.LessonId, closed.Date), out var opener))
            _refocus = () => opener.FocusAsync();
        _editing = null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_refocus is not { } refocus)
            return;
        _refocus = null;
        try
        {
            await refocus();
        }
        catch (JSException)
        {
            // The row went away meanwhile (a live change): the focus stays where the browser put it.
        }
    }

    private async Task<Result> SaveAsync(LessonChangeDraft draft)
    {
        using var turn = _writing.TryBegin();
        if (!turn.Started)
            return Result.Ok();
        var result = await Timetable.ChangeAsync(_user, draft);
        if (result.Succeeded)
        {
            (_editing, _status) = (null, TimetableText.Change_Saved);
            _refocus = () => _statusShown.FocusAsync(); // the message saying it is done
            await LoadAsync();
            StateHasChanged();
        }
        return result;
    }

    private async Task<Result> UndoAsync(LessonView lesson)
    {
        var result = await Timetable.UndoChangeAsync(_user, lesson.LessonId, lesson.MovedFrom ?? lesson.Date);
        if (result.Succeeded)
        {
            (_editing, _status) = (null, TimetableText.Change_Undone);
            _refocus = () => _statusShown.FocusAsync();
            await LoadAsync();
            StateHasChanged();
        }
        return result;
    }

    public void Dispose()
    {
        _changes?.Dispose();
        _imports?.Dispose();
    }
}
