using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Components.Authorization;

namespace Enoe.Widgets.Common;

/// <summary>
/// The signed-in person as one page or circuit sees them, loaded once per scope from the database
/// (rights come from there, not from the browser). Holds ids and small records, never a DbContext.
/// When the académie changes what the person's établissement runs, the workspace is read again and
/// <see cref="WorkspaceChanged"/> tells the open components (the menu, the dashboard, the page's authorization).
/// </summary>
public sealed class UserSession(
    AuthenticationStateProvider authentication,
    WorkspaceService workspaces,
    LiveEvents events,
    ServiceAccess access,
    PrerenderedValues prerendered
) : IDisposable
{
    private Task<Workspace?>? _workspace;
    private IDisposable? _subscription;

    /// <summary>The établissement of the workspace last loaded: its changes concern this session.</summary>
    private int? _schoolId;

    /// <summary>
    /// Raised on the event's thread after the établissement's services changed: handlers re-read
    /// <see cref="GetWorkspaceAsync"/> and re-render through <c>InvokeAsync</c>, and unsubscribe in Dispose.
    /// </summary>
    public event Func<Task>? WorkspaceChanged;

    public async Task<CurrentUser?> GetUserAsync() =>
        CurrentUser.From((await authentication.GetAuthenticationStateAsync()).User);

    public Task<Workspace?> GetWorkspaceAsync() => _workspace ??= LoadAsync();

    /// <summary>
    /// The child a parent is looking at: one of their own children, at the établissement they work in.
    /// Choosing another child is a form post (<c>/compte/enfant</c>), since it may change établissement.
    /// </summary>
    public int? SelectedChildId { get; private set; }

    private async Task<Workspace?> LoadAsync()
    {
        var user = await GetUserAsync();
        if (user is null)
            return null;
        // Listening before reading: a change while the workspace loads (or between the prerendered page and its
        // circuit, whose first read takes the page's) is heard.
        _schoolId = user.SchoolId;
        _subscription ??= user.SchoolId is null ? null : events.Subscribe<SchoolServicesChanged>(OnChangedAsync);
        // The workspace the prerendered page read, handed to its circuit (the shell asks on every page).
        var workspace = await prerendered.TakeOrLoadAsync("shell:workspace", () => workspaces.GetAsync(user));
        SelectedChildId = workspace?.SelectedChildId;
        return workspace;
    }

    private async Task OnChangedAsync(SchoolServicesChanged change)
    {
        // Even while a reload is under way (a second change close behind the first): it may have read before.
        if (_schoolId != change.SchoolId)
            return;
        // The bus may run this before the gate's own subscriber: the checks that follow must read the change.
        await access.HeardAsync(change);
        _workspace = null;
        foreach (var handler in WorkspaceChanged?.GetInvocationList().Cast<Func<Task>>() ?? [])
            await handler();
    }

    public void Dispose() => _subscription?.Dispose();
}
