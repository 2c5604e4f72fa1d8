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
        var workspace = await workspaces.GetAsync(user);
        SelectedChildId = workspace?.SelectedChildId;
        return workspace;
    }
}
