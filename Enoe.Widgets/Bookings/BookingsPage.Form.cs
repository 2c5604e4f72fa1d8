using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Widgets.Common;

namespace Enoe.Widgets.Bookings;

/// <summary>
/// The booking form, weekly series and decisions (each reloads, then says what happened: the message is the last thing
/// to change). After a booking the form returns to its defaults (the weekly box unticked, no series end): the next
/// request is never a series by accident. A series is first shown week by week and saved only when the person confirms
/// what they saw.
/// </summary>
public partial class BookingsPage
{
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

    /// <summary>A series as it was shown: what is confirmed is exactly this request and these free weeks.</summary>
    private sealed record SeriesPlan(BookingRequest Request, DateOnly Until, IReadOnlyList<Occurrence> Weeks)
    {
        public DateOnly[] FreeWeeks { get; } =
        [.. Weeks.Where(o => o.State == OccurrenceState.Free).Select(o => o.Date)];
    }

    private Draft _draft = new();
    private bool _weekly;
    private readonly OneAtATime _writing = new();
    private DateOnly? _until;
    private SeriesPlan? _plan;

    /// <summary>The plan on screen, while the form still asks for what it shows (any change hides it).</summary>
    private SeriesPlan? ShownPlan =>
        _weekly && _plan is { } plan && plan.Request == _draft.ToRequest() && plan.Until == _until ? plan : null;

    private string SlotCode
    {
        get => _slots.FirstOrDefault(s => s.StartsAt == _draft.StartsAt && s.EndsAt == _draft.EndsAt)?.Code ?? "";
        set
        {
            if (_slots.FirstOrDefault(s => s.Code == value) is { } slot)
                (_draft.StartsAt, _draft.EndsAt) = (slot.StartsAt, slot.EndsAt);
        }
    }

    /// <summary>
    /// The form as the page opens: the resource the calendar shows, the next school day, the first time slot, one
    /// booking.
    /// </summary>
    private Draft NewDraft()
    {
        var draft = new Draft
        {
            ResourceId = SelectedResource?.Id ?? 0,
            Date = Today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Monday(Today).AddDays(7) : Today,
        };
        if (_slots.Count > 0)
            (draft.StartsAt, draft.EndsAt) = (_slots[0].StartsAt, _slots[0].EndsAt);
        return draft;
    }

    private void ResetForm() => (_draft, _weekly, _until, _plan) = (NewDraft(), false, null, null);

    /// <summary>
    /// "Réserver" books one period; with the weekly box ticked, "Voir les semaines" shows the series first.
    /// </summary>
    private async Task SubmitAsync()
    {
        using var turn = _writing.TryBegin();
        if (!turn.Started)
            return; // a burst of clicks: one run
        if (_weekly)
            await PlanAsync();
        else
            await BookOnceAsync();
    }

    private async Task BookOnceAsync()
    {
        var result = await Bookings.BookAsync(_user, _draft.ToRequest());
        await ReloadAsync();
        if (result.Succeeded)
        {
            Say(
                result.Value!.Status == BookingStatus.Pending
                    ? BookingsText.Booked_Pending
                    : BookingsText.Booked_Confirmed,
                error: false
            );
            ResetForm();
        }
        else
            Say(string.Join(" ", result.Errors), error: true);
    }

    private async Task PlanAsync()
    {
        _plan = null;
        if (_until is not DateOnly until)
        {
            Say(BookingsText.Series_EndRequired, error: true);
            return;
        }
        var request = _draft.ToRequest();
        var result = await Bookings.PlanSeriesAsync(_user, request, until);
        if (!result.Succeeded)
        {
            Say(string.Join(" ", result.Errors), error: true);
            return;
        }
        _plan = new SeriesPlan(request, until, result.Value!);
        _message = null;
    }

    /// <summary>
    /// "Réserver N semaines": exactly the free weeks shown. If one was taken meanwhile, nothing is saved and the new
    /// plan is shown.
    /// </summary>
    private async Task ConfirmSeriesAsync()
    {
        using var turn = _writing.TryBegin();
        if (!turn.Started)
            return; // a burst of clicks: one run
        if (ShownPlan is not { } plan)
            return;
        var result = await Bookings.BookSeriesAsync(_user, plan.Request, plan.Until, plan.FreeWeeks);
        if (!result.Succeeded)
            await PlanAsync();
        await ReloadAsync();
        if (result.Succeeded)
        {
            var needsApproval = _resources.FirstOrDefault(r => r.Id == plan.Request.ResourceId)?.NeedsApproval == true;
            Say(
                needsApproval
                    ? BookingsText.FormatSeries_Requested(Weeks(result.Value))
                    : BookingsText.FormatSeries_Booked(Weeks(result.Value)),
                error: false
            );
            ResetForm();
        }
        else
            Say(string.Join(" ", result.Errors), error: true);
    }

    /// <summary>
    /// Asks first (the page's one confirmation box), then cancels one booking or the rest of its series.
    /// </summary>
    private async Task CancelAsync(BookingView booking, bool restOfSeries)
    {
        var question = restOfSeries
            ? BookingsText.FormatCancel_SeriesQuestion(booking.Resource, When(booking))
            : BookingsText.FormatCancel_Question(booking.Resource, When(booking));
        if (!await _confirm.AskAsync(question, BookingsText.Cancel_Confirm, BookingsText.Cancel_Keep))
            return;
        var result = await Bookings.CancelAsync(_user, booking.Id, restOfSeries);
        await ReloadAsync();
        Say(result.Succeeded ? BookingsText.Cancelled : result.Errors[0], error: !result.Succeeded);
    }

    /// <summary>Pending requests, a series together (in the order of its first week).</summary>
    private IEnumerable<IReadOnlyList<BookingView>> PendingGroups =>
        _pending
            .GroupBy(b => b.SeriesId ?? Guid.Empty)
            .SelectMany(g => g.Key == Guid.Empty ? g.Select(b => (IReadOnlyList<BookingView>)[b]) : [g.ToList()])
            .OrderBy(g => g[0].StartsAt);

    /// <summary>"Série de 4 semaines en attente, chaque lundi de 10:05 à 11:00, du 23 nov. au 14 déc."</summary>
    private static string SeriesSummary(IReadOnlyList<BookingView> weeks)
    {
        var (first, last) = (SchoolTime.ToLocal(weeks[0].StartsAt), SchoolTime.ToLocal(weeks[^1].StartsAt));
        return BookingsText.FormatPending_Series(
            Weeks(weeks.Count),
            first.ToString("dddd"),
            first.ToString("HH:mm"),
            SchoolTime.ToLocal(weeks[0].EndsAt).ToString("HH:mm"),
            first.ToString("d MMM"),
            last.ToString("d MMM")
        );
    }

    private async Task DecideAsync(int bookingId, bool approve)
    {
        var result = await Bookings.DecideAsync(_user, bookingId, approve);
        await ReloadAsync();
        Say(
            result.Succeeded
                ? (approve ? BookingsText.Decided_Approved : BookingsText.Decided_Refused)
                : result.Errors[0],
            error: !result.Succeeded
        );
    }

    private async Task DecideSeriesAsync(Guid seriesId, bool approve)
    {
        var result = await Bookings.DecideSeriesAsync(_user, seriesId, approve);
        await ReloadAsync();
        Say(
            result.Succeeded
                ? (
                    approve
                        ? BookingsText.FormatSeries_Approved(Weeks(result.Value))
                        : BookingsText.FormatSeries_Refused(Weeks(result.Value))
                )
                : result.Errors[0],
            error: !result.Succeeded
        );
    }
}
