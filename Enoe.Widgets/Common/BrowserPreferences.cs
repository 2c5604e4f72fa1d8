using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Enoe.Widgets.Common;

/// <summary>What belongs to one browser rather than to the account: dark mode, collapsed widgets.</summary>
public sealed record Preferences(int[] Collapsed, bool DarkMode = false)
{
    public static readonly Preferences Empty = new([]);
}

/// <summary>
/// Reads and writes <see cref="Preferences"/> in the browser's local storage, encrypted by Data
/// Protection so the browser cannot forge them. One instance per circuit, shared by the shell and
/// the pages, so their changes never overwrite each other. Usable once a component has rendered
/// (JS interop). Values read back are hints only: every id is checked again against the person's rights.
/// </summary>
public sealed class BrowserPreferences(ProtectedLocalStorage storage)
{
    private const string Key = "enoe.preferences";
    private Task<Preferences>? _loaded;

    public Task<Preferences> LoadAsync() => _loaded ??= ReadAsync();

    public async Task<Preferences> UpdateAsync(Func<Preferences, Preferences> change)
    {
        var updated = change(await LoadAsync());
        _loaded = Task.FromResult(updated);
        await storage.SetAsync(Key, updated);
        return updated;
    }

    private async Task<Preferences> ReadAsync()
    {
        try
        {
            var stored = await storage.GetAsync<Preferences>(Key);
            return stored.Success && stored.Value is { } value ? value : Preferences.Empty;
        }
        catch (CryptographicException)
        {
            return Preferences.Empty; // keys rotated or value tampered with: start afresh
        }
    }
}
