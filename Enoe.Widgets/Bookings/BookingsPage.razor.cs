using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Widgets.Bookings;

public partial class BookingsPage
{
    private const int FirstHour = 7, LastHour = 19;
    /// <summary>Pixels per hour of a day column (see .enoe-calendar-column): turns a pointer's offset into a time.</summary>
    private const double HourHeight = 48;

    /// <summary>The booking form's fields, in Paris time.</summary>
    private sealed class Draft
    {
        public int ResourceId { get; set; }
        public DateOnly Date { get; set; }
        public TimeOnly StartsAt { get; set; } = new(8, 0);
        public TimeOnly EndsAt { get; set; } = new(8, 55);
        public int Units { get; set; } = 1;
        public string? Reason { get; set; }
        public int? SchoolClassId { get; set; }

        public BookingRequest ToRequest() => new(ResourceId, Date, StartsAt, EndsAt, Units, Reason, SchoolClassId);
    }

    private CurrentUser _user = default!;
    private IReadOnlyList<ResourceView> _resources = [];
    private IReadOnlyList<SlotView> _slots = [];
    private IReadOnlyList<(int Id, string Name)> _classes = [];
    private IReadOnlyList<BookingView> _bookings = [], _pending = [], _upcoming = [];
    private IReadOnlyList<Occurrence>? _plan;
    private DateOnly _from, _until;
    private bool _dayView, _weekly, _canManage, _messageIsError;
    private string? _message;
    private (DateOnly Day, double Y)? _dragStart;
    private Draft _draft = new();
    private IDisposable? _subscription;

    private string Shown { get; set; } = "mine";
    private int StepDays => _dayView ? 1 : 7;
    private DateOnly Today => DateOnly.FromDateTime(SchoolTime.ToLocal(Clock.GetUtcNow().UtcDateTime));
    private IReadOnlyList<DateOnly> Days => _dayView ? [_from] : [.. Enumerable.Range(0, 6).Select(_from.AddDays)];
    private ResourceView? SelectedResource => Shown.StartsWith('r') && int.TryParse(Shown[1..], out var id) ? _resources.FirstOrDefault(r => r.Id == id && r.CanBook) : null;

    private string SlotCode
    {
        get => _slots.FirstOrDefault(s => s.StartsAt == _draft.StartsAt && s.EndsAt == _draft.EndsAt)?.Code ?? "";
        set
        {
            if (_slots.FirstOrDefault(s => s.Code == value) is { } slot) (_draft.StartsAt, _draft.EndsAt) = (slot.StartsAt, slot.EndsAt);
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _user = (await Session.GetUserAsync())!;
        _canManage = _user.Is(Profile.Staff | Profile.SchoolAdmin);
        _from = Monday(Today);
        _draft.Date = Today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Monday(Today).AddDays(7) : Today;
        _until = _draft.Date.AddDays(7 * 8);
        _resources = await Bookings.ResourcesAsync(_user);
        _slots = await SchoolSettings.SlotsAsync(_user.SchoolId);
        if (_slots.Count > 0) (_draft.StartsAt, _draft.EndsAt) = (_slots[0].StartsAt, _slots[0].EndsAt);
        _classes = [.. (await Logbook.AudiencesAsync(_user)).Where(a => a.SchoolClassId is not null).Select(a => (a.SchoolClassId!.Value, a.Name)).Distinct()];
        _subscription = Events.Subscribe<BookingChanged>(OnChangedAsync);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        int? resource = Shown.StartsWith('r') && int.TryParse(Shown[1..], out var r) ? r : null;
        int? category = Shown.StartsWith('c') && int.TryParse(Shown[1..], out var c) ? c : null;
        _bookings = await Bookings.CalendarAsync(_user, _from, Days[^1], resource, category, mine: Shown == "mine");
        _upcoming = await Bookings.UpcomingAsync(_user);
        _pending = await Bookings.PendingAsync(_user);
        if (resource is int chosen && _resources.Any(x => x.Id == chosen && x.CanBook)) _draft.ResourceId = chosen;
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

    private (double Top, double Height) Place(BookingView booking)
    {
        double Hours(DateTime utc) => Math.Clamp(SchoolTime.ToLocal(utc).TimeOfDay.TotalHours, FirstHour, LastHour) - FirstHour;
        var span = LastHour - FirstHour;
        var top = Hours(booking.StartsAt);
        return (top / span * 100, Math.Max(0.5, Hours(booking.EndsAt) - top) / span * 100);
    }

    /// <summary>Released after a drag: the period swept (or, for a click, the slot under it) fills the form.</summary>
    private void Drop(DateOnly day, double y)
    {
        if (_dragStart is not { } start || start.Day != day || SelectedResource is not { } resource) return;
        _dragStart = null;
        TimeOnly At(double offset) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Round((FirstHour + Math.Clamp(offset, 0, (LastHour - FirstHour) * HourHeight) / HourHeight) * 60 / 5) * 5));
        var (from, to) = (At(Math.Min(start.Y, y)), At(Math.Max(start.Y, y)));
        if ((to - from).TotalMinutes < 15)
            (from, to) = _slots.FirstOrDefault(s => s.StartsAt <= from && from < s.EndsAt) is { } slot ? (slot.StartsAt, slot.EndsAt) : (from, from.AddMinutes(55));
        (_draft.ResourceId, _draft.Date, _draft.StartsAt, _draft.EndsAt, _plan) = (resource.Id, day, from, to, null);
        Say($"{resource.Name}, {day:dddd d MMMM} de {from:HH\\:mm} à {to:HH\\:mm} : complétez si besoin puis « Réserver ».", error: false);
    }

    private async Task PlanAsync()
    {
        var result = await Bookings.PlanSeriesAsync(_user, _draft.ToRequest(), _until);
        _plan = result.Value;
        if (!result.Succeeded) Say(string.Join(" ", result.Errors), error: true);
        else _message = null;
    }

    private async Task BookAsync()
    {
        if (_weekly)
        {
            var series = await Bookings.BookSeriesAsync(_user, _draft.ToRequest(), _until, skipTaken: _plan is not null);
            if (series.Succeeded) { Say($"{series.Value} semaine(s) réservée(s).", error: false); _plan = null; }
            else { Say(string.Join(" ", series.Errors), error: true); _plan = (await Bookings.PlanSeriesAsync(_user, _draft.ToRequest(), _until)).Value; }
        }
        else
        {
            var result = await Bookings.BookAsync(_user, _draft.ToRequest());
            Say(result.Succeeded
                ? result.Value!.Status == BookingStatus.Pending ? "Demande envoyée : elle attend la validation du gestionnaire." : "Réservation confirmée."
                : string.Join(" ", result.Errors), error: !result.Succeeded);
        }
        await ReloadAsync();
    }

    private async Task CancelAsync(int bookingId, bool restOfSeries)
    {
        var result = await Bookings.CancelAsync(_user, bookingId, restOfSeries);
        Say(result.Succeeded ? "Réservation annulée." : result.Errors[0], error: !result.Succeeded);
        await ReloadAsync();
    }

    private async Task DecideAsync(int bookingId, bool approve)
    {
        var result = await Bookings.DecideAsync(_user, bookingId, approve);
        Say(result.Succeeded ? (approve ? "Réservation validée." : "Réservation refusée.") : result.Errors[0], error: !result.Succeeded);
        await ReloadAsync();
    }

    private void Say(string message, bool error) => (_message, _messageIsError) = (message, error);

    /// <summary>Someone booked, cancelled or decided in this établissement: reload; tell the author when their request was decided.</summary>
    private Task OnChangedAsync(BookingChanged change) => change.SchoolId != _user.SchoolId ? Task.CompletedTask : InvokeAsync(async () =>
    {
        var before = _upcoming.FirstOrDefault(b => b.Id == change.BookingId);
        await ReloadAsync();
        var after = _upcoming.FirstOrDefault(b => b.Id == change.BookingId);
        if (before is { Status: BookingStatus.Pending } && after is { Status: BookingStatus.Approved or BookingStatus.Refused })
            Say($"Votre demande pour {after.Resource} le {SchoolTime.ToLocal(after.StartsAt):dddd d MMMM à HH:mm} a été {(after.Status == BookingStatus.Approved ? "validée" : "refusée")}.",
                error: after.Status == BookingStatus.Refused);
        StateHasChanged();
    });

    public void Dispose() => _subscription?.Dispose();
}
