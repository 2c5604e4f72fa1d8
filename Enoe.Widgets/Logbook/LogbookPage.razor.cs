using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Logbook;

public partial class LogbookPage
{
    private CurrentUser _user = default!;
    private Workspace? _workspace;
    private DateOnly _monday;
    private bool _isStudent;
    private IReadOnlyList<TeachingAudience> _audiences = [];
    private IReadOnlyList<(int Id, string Name)> _directionClasses = [];
    private IReadOnlyList<LogbookEntryView> _entries = [];
    private IReadOnlyList<LogbookEntryView>? _homework; // null until read; empty for those who write the carnet
    private readonly OfflineHomework _offline = new(); // the student's list kept in the browser for the offline page
    private IReadOnlyList<LogbookRevisionView> _history = [];
    private int? _historyFor;
    private IReadOnlySet<int> _classes = new HashSet<int>(),
        _groups = new HashSet<int>();
    private LogbookDraft _draft = new();
    private readonly OneAtATime _writing = new();
    private HomeworkLoad? _load;
    private string? _message;
    private DateTime? _heldUntil; // local time the homework being written would reach families
    private (string Name, DateOnly To)? _holiday; // the holiday today falls in
    private IDisposable? _subscription;
    private IReadOnlyList<SlotView> _slots = [];
    private int? _attachTo;
    private ConfirmDialog _confirm = default!;

    /// <summary>The lesson just deleted, offered back ("Annuler") until the next action.</summary>
    private LogbookEntryView? _deleted;
    private ElementReference _undoButton;
    private bool _focusUndo;

    /// <summary>Choosing M1, S2… fills the session's times from the établissement's day.</summary>
    private string SlotCode
    {
        get => _slots.FirstOrDefault(s => s.StartsAt == _draft.StartsAt && s.EndsAt == _draft.EndsAt)?.Code ?? "";
        set
        {
            if (_slots.FirstOrDefault(s => s.Code == value) is { } slot)
                (_draft.StartsAt, _draft.EndsAt) = (slot.StartsAt, slot.EndsAt);
        }
    }

    private int AudienceIndex { get; set; }
    private int DirectionClassId { get; set; }

    /// <summary>A student or a parent, who reads homework here (those who write the carnet get no list).</summary>
    private bool ReadsHomework =>
        _workspace?.Profiles.HasAny(Profile.Student | Profile.Parent) == true
        && _audiences.Count == 0
        && _directionClasses.Count == 0;

    private DateOnly Today => DateOnly.FromDateTime(SchoolTime.ToLocal(Clock.GetUtcNow().UtcDateTime));

    /// <summary>A parent looks at the child chosen in the shell; everyone else at their own carnet.</summary>
    private int? ChildId => _workspace?.ChildViewed(Session.SelectedChildId);

    protected override async Task OnInitializedAsync()
    {
        _user = (await Session.GetUserAsync())!;
        _workspace = await Session.GetWorkspaceAsync();
        _isStudent = _workspace?.Profiles.HasAny(Profile.Student) == true;
        _monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));
        _audiences = await Logbook.AudiencesAsync(_user);
        if (_audiences.Count > 0)
            _slots = await SchoolSettings.SlotsAsync(_user.SchoolId);
        _directionClasses = await Logbook.ClassesForDirectionAsync(_user);
        NewDraft();
        await LoadTodaysLessonsAsync();
        _subscription = Events.Subscribe<LogbookChanged>(OnChangedAsync);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        (_classes, _groups) = await Logbook.ReaderAudiencesAsync(_user, ChildId);
        int? classId = DirectionClassId > 0 ? DirectionClassId : null;
        _entries = await Logbook.ListAsync(_user, _monday, _monday.AddDays(6), classId: classId, studentId: ChildId);
        _homework =
            _audiences.Count > 0 || _directionClasses.Count > 0
                ? []
                :
                [
                    .. (
                        await Logbook.ListAsync(_user, Today, Today.AddDays(14), studentId: ChildId, byDueDate: true)
                    ).Where(e => e.Homework is not null),
                ];
    }

    private async Task MoveWeekAsync(int days)
    {
        (_monday, _deleted) = (_monday.AddDays(days), null);
        await ReloadAsync();
    }

    private bool CanWrite(LogbookEntryView entry) =>
        !entry.Deleted
        && _audiences.Any(a =>
            a.SubjectId == entry.SubjectId
            && (
                (entry.SchoolClassId is not null && a.SchoolClassId == entry.SchoolClassId)
                || (entry.TeachingGroupId is not null && a.TeachingGroupId == entry.TeachingGroupId)
            )
        );

    private void NewDraft()
    {
        var audience = _audiences.ElementAtOrDefault(AudienceIndex);
        _draft = new LogbookDraft
        {
            SchoolClassId = audience?.SchoolClassId,
            TeachingGroupId = audience?.TeachingGroupId,
            SubjectId = audience?.SubjectId ?? 0,
            SessionDate = Today,
            StartsAt = _slots.FirstOrDefault()?.StartsAt ?? new(8, 0),
            EndsAt = _slots.FirstOrDefault()?.EndsAt ?? new(9, 0),
        };
        _load = null;
    }

    private async Task CheckLoadAsync()
    {
        var audience = _audiences.ElementAtOrDefault(AudienceIndex);
        if (audience is null)
            return;
        (_draft.SchoolClassId, _draft.TeachingGroupId, _draft.SubjectId) = (
            audience.SchoolClassId,
            audience.TeachingGroupId,
            audience.SubjectId
        );
        _load = _draft.HomeworkDueDate is { } due
            ? (await Logbook.HomeworkLoadAsync(_user, audience.SchoolClassId, audience.TeachingGroupId, due)).Value
            : null;
        // Written in the quiet window for the day it ends: families see it late (a warning, never a block).
        var release = _user.SchoolId is int school ? await Logbook.HomeworkReleaseAsync(school) : DateTime.MinValue;
        _heldUntil = release > Clock.GetUtcNow().UtcDateTime ? SchoolTime.ToLocal(release) : null;
        _holiday = _user.SchoolId is int s ? await Logbook.HolidayTodayAsync(s) : null;
    }

    private async Task CreateAsync()
    {
        using var turn = _writing.TryBegin();
        if (!turn.Started)
            return; // a burst of clicks: one run
        await CheckLoadAsync();
        var result = await SaveShowingAsync(_draft);
        _message = result.Succeeded ? null : string.Join(" ", result.Errors);
        if (result.Succeeded)
            NewDraft(); // otherwise the form keeps what was typed
    }

    private async Task<string?> SaveAsync(LogbookEntryView entry, string text, bool homework)
    {
        var result = await SaveShowingAsync(InlineLogbookEdit.Draft(entry, text, homework));
        if (result.Succeeded)
            StateHasChanged(); // the editor's save is no event of the page's: the week shows it from here
        return InlineLogbookEdit.ErrorOf(result, homework);
    }

    private async Task CopyAsync(LogbookEntryView entry, TeachingAudience to)
    {
        var copy = LogbookDraft.From(entry);
        (copy.Id, copy.Version, copy.SchoolClassId, copy.TeachingGroupId) = (
            0,
            0,
            to.SchoolClassId,
            to.TeachingGroupId
        );
        var result = await SaveShowingAsync(copy);
        _message = result.Succeeded ? LogbookText.FormatCopied(to.Name) : string.Join(" ", result.Errors);
    }

    /// <summary>
    /// Deletes at once and offers the lesson back: the row goes, the "Annuler" button takes the keyboard.
    /// </summary>
    private async Task DeleteAsync(LogbookEntryView entry)
    {
        var result = await Logbook.DeleteAsync(_user, entry.Id, entry.Version);
        _message = result.Succeeded ? null : result.Errors[0];
        (_deleted, _focusUndo) = result.Succeeded ? (entry, true) : (_deleted, false);
        await ReloadAsync();
    }

    private async Task UndoDeleteAsync()
    {
        if (_deleted is not { } gone)
            return;
        var result = await Logbook.RestoreAsync(_user, gone.Id);
        _message = result.Succeeded ? null : result.Errors[0];
        _deleted = null;
        await ReloadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (ReadsHomework)
            await _offline.KeepAsync(JS, _homework, OfflineHomework.Whose(_workspace, ChildId));
        if (!_focusUndo || _deleted is null)
            return;
        _focusUndo = false;
        await _undoButton.FocusAsync();
    }

    private async Task AttachAsync(int entryId, UploadBatch upload)
    {
        upload.Result = await Logbook.AttachAsync(_user, entryId, upload.Files);
        if (upload.Result.Succeeded)
        {
            _attachTo = null;
            await ReloadAsync();
        }
    }

    /// <summary>Removing a file deletes it for good: asked first.</summary>
    private async Task DetachAsync(int entryId, FileView file)
    {
        if (!await _confirm.AskAsync(LogbookText.FormatConfirmRemoveFile(file.Name), LogbookText.Remove))
            return;
        var result = await Logbook.DetachAsync(_user, entryId, file.Id);
        _message = result.Succeeded ? null : result.Errors[0];
        await ReloadAsync();
    }

    private async Task HistoryAsync(int entryId)
    {
        if (_historyFor == entryId)
        {
            _historyFor = null;
            return;
        }
        var result = await Logbook.HistoryAsync(_user, entryId);
        _message = result.Succeeded ? null : result.Errors[0];
        _historyFor = result.Succeeded ? entryId : null;
        _history = result.Succeeded ? result.Value! : [];
    }

    private async Task SetDoneAsync(int entryId, bool done)
    {
        await Logbook.SetDoneAsync(_user, entryId, done);
        await ReloadAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
