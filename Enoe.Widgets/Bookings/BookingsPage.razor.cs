using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Common;

namespace Enoe.Widgets.Bookings;

/// <summary>
/// The calendar, what the page loads, and what arrives live. The form and decisions: BookingsPage.Form.cs.
/// </summary>
public partial class BookingsPage
{
    private const int FirstHour = 7,
        LastHour = 19;

    /// <summary>
    /// Pixels per hour of a day column (see .enoe-calendar-column): turns a pointer's offset into a time.
    /// </summary>
    private const double HourHeight = 48;

    private CurrentUser _user = default!;
    private IReadOnlyList<BookableResourceView> _resources = [];
    private IReadOnlyList<SlotView> _slots = [];
    private IReadOnlyList<(int Id, string Name)> _classes = [];
    private IReadOnlyList<BookingView> _bookings = [],
        _pending = [],
        _upcoming = [];
    private DateOnly _from;
    private bool _loaded,
        _dayView,
        _canManage,
        _messageIsError;
    private string? _message;
    private (DateOnly Day, double Y)? _dragStart;
    private IDisposable? _subscription;
    private ConfirmDialog _confirm = default!;

    private string Shown { get; set; } = "mine";
    private int StepDays => _dayView ? 1 : 7;
    private DateOnly Today => DateOnly.FromDateTime(SchoolTime.ToLocal(Clock.GetUtcNow().UtcDateTime));
    private IReadOnlyList<DateOnly> Days => _dayView ? [_from] : [.. Enumerable.Range(0, 6).Select(_from.AddDays)];
    private int? ShownResourceId => Shown.StartsWith('r') && int.TryParse(Shown[1..], out var id) ? id : null;
    private BookableResourceView? SelectedResource =>
        ShownResourceId is int id ? _resources.FirstOrDefault(r => r.Id == id && r.CanBook) : null;

    protected override async Task OnInitializedAsync()
    {
        _user = (await Session.GetUserAsync())!;
        _canManage = await Bookings.ManagesResourcesAsync(_user);
        _from = Monday(Today);
        _resources = await Bookings.ResourcesAsync(_user);
        _slots = await SchoolSettings.SlotsAsync(_user.SchoolId);
        _draft = NewDraft();
        _classes =
        [
            .. (await Logbook.AudiencesAsync(_user))
                .Where(a => a.SchoolClassId is not null)
                .Select(a => (a.SchoolClassId!.Value, a.Name))
                .Distinct(),
        ];
        _subscription = Events.Subscribe<BookingChanged>(OnChangedAsync);
        await ReloadAsync();
        _loaded = true;
    }

    /// <summary>
    /// Another calendar was chosen: the form books what it shows (a person's own choice is not overwritten by later
    /// reloads).
    /// </summary>
    private async Task ShowAsync()
    {
        if (SelectedResource is { } resource)
            _draft.ResourceId = resource.Id;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        int? category = Shown.StartsWith('c') && int.TryParse(Shown[1..], out var c) ? c : null;
        _bookings = await Bookings.CalendarAsync(
            _user,
            _from,
            Days[^1],
            ShownResourceId,
            category,
            mine: Shown == "mine"
        );
        _upcoming = await Bookings.UpcomingAsync(_user);
        _pending = await Bookings.PendingAsync(_user);
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private async Task MoveAsync(int days)
    {
        _from = _from.AddDays(days);
        await ReloadAsync();
    }

    private async Task ToggleDayAsync()
    {
        _dayView = !_dayView;
        _from = _dayView ? (_from <= Today && Today < _from.AddDays(7) ? Today : _from) : Monday(_from);
        await ReloadAsync();
    }

    /// <summary>
    /// A booking's block in its day column, in percent of the day shown (written with <see cref="CssNumber"/>).
    /// </summary>
    private static (double Top, double Height) Place(BookingView booking)
    {
        double Hours(DateTime utc) =>
            Math.Clamp(SchoolTime.ToLocal(utc).TimeOfDay.TotalHours, FirstHour, LastHour) - FirstHour;
        var span = LastHour - FirstHour;
        var top = Hours(booking.StartsAt);
        return (top / span * 100, Math.Max(0.5, Hours(booking.EndsAt) - top) / span * 100);
    }

    /// <summary>Released after a drag: the period swept (or, for a click, the slot under it) fills the form.</summary>
    private void Drop(DateOnly day, double y)
    {
        if (_dragStart is not { } start || start.Day != day || SelectedResource is not { } resource)
            return;
        _dragStart = null;
        TimeOnly At(double offset) =>
            TimeOnly.FromTimeSpan(
                TimeSpan.FromMinutes(
                    Math.Round(
                        (FirstHour + Math.Clamp(offset, 0, (LastHour - FirstHour) * HourHeight) / HourHeight) * 60 / 5
                    ) * 5
                )
            );
        var (from, to) = (At(Math.Min(start.Y, y)), At(Math.Max(start.Y, y)));
        if ((to - from).TotalMinutes < 15)
            (from, to) = _slots.FirstOrDefault(s => s.StartsAt <= from && from < s.EndsAt) is { } slot
                ? (slot.StartsAt, slot.EndsAt)
                : (from, from.AddMinutes(55));
        (_draft.ResourceId, _draft.Date, _draft.StartsAt, _draft.EndsAt) = (resource.Id, day, from, to);
        Say(
            BookingsText.FormatDrag_Filled(
                resource.Name,
                day.ToString("dddd d MMMM"),
                from.ToString("HH:mm"),
                to.ToString("HH:mm")
            ),
            error: false
        );
    }

    /// <summary>"lun. 23 nov., 10:05–11:00"</summary>
    private static string Period(BookingView booking) =>
        $"{SchoolTime.ToLocal(booking.StartsAt):ddd d MMM, HH:mm}–{SchoolTime.ToLocal(booking.EndsAt):HH:mm}";

    /// <summary>"lundi 23 novembre à 10:05"</summary>
    private static string When(BookingView booking)
    {
        var start = SchoolTime.ToLocal(booking.StartsAt);
        return BookingsText.FormatWhen_At(start.ToString("dddd d MMMM"), start.ToString("HH:mm"));
    }

    private static string Weeks(int count) =>
        count == 1 ? BookingsText.Weeks_One : BookingsText.FormatWeeks_Many(count);

    private void Say(string message, bool error) => (_message, _messageIsError) = (message, error);

    /// <summary>
    /// Someone booked, cancelled or decided in this établissement: reload. The author of requests just
    /// decided (one booking, or a whole series at once) is told.
    /// </summary>
    private Task OnChangedAsync(BookingChanged change) =>
        change.SchoolId != _user.SchoolId
            ? Task.CompletedTask
            : InvokeAsync(async () =>
            {
                var before = _upcoming.Where(b => b.Status == BookingStatus.Pending).Select(b => b.Id).ToHashSet();
                await ReloadAsync();
                var decided = _upcoming
                    .Where(b => before.Contains(b.Id) && b.Status is BookingStatus.Approved or BookingStatus.Refused)
                    .ToList();
                if (decided.Count > 0)
                {
                    var (first, approved) = (decided[0], decided[0].Status == BookingStatus.Approved);
                    Say(
                        decided.Count > 1
                            ? approved
                                ? BookingsText.FormatTold_SeriesApproved(first.Resource)
                                : BookingsText.FormatTold_SeriesRefused(first.Resource)
                            : approved
                                ? BookingsText.FormatTold_Approved(first.Resource, When(first))
                                : BookingsText.FormatTold_Refused(first.Resource, When(first)),
                        error: !approved
                    );
                }
                StateHasChanged();
            });

    public void Dispose() => _subscription?.Dispose();
}
