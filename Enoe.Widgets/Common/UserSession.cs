using Enoe.Data.People;
using Microsoft.AspNetCore.Components.Authorization;

namespace Enoe.Widgets.Common;

/// <summary>
/// The signed-in person as one page or circuit sees them, loaded once per scope from the database
/// (rights come from there, not from the browser). Holds ids and small records, never a DbContext.
/// </summary>
public sealed class UserSession(AuthenticationStateProvider authentication, WorkspaceService workspaces)
{
    private Task<Workspace?>? _workspace;

    public async Task<CurrentUser?> GetUserAsync() =>
        CurrentUser.From((await authentication.GetAuthenticationStateAsync()).User);

    public Task<Workspace?> GetWorkspaceAsync() => _workspace ??= LoadAsync();

    /// <summary>The child a parent is looking at; only ever one of their own children.</summary>
    public int? SelectedChildId { get; private set; }

    public event Action? Changed;

    public async Task<bool> SelectChildAsync(int childId)
    {
        var workspace = await GetWorkspaceAsync();
        if (workspace?.Children.Any(c => c.Id == childId) != true) return false;
        SelectedChildId = childId;
        Changed?.Invoke();
        return true;
    }

    private async Task<Workspace?> LoadAsync()
    {
        var user = await GetUserAsync();
        if (user is null) return null;
        var workspace = await workspaces.GetAsync(user);
        // A parent starts on a child of the établissement they are working in.
        SelectedChildId = (workspace?.Children.FirstOrDefault(c => c.SchoolId == workspace.School?.Id) ?? workspace?.Children.FirstOrDefault())?.Id;
        return workspace;
    }
}
