using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Enoe.Widgets.Common;

/// <summary>What belongs to one browser rather than to the account: collapsed widgets, the child a parent last viewed.</summary>
public sealed record Preferences(int[] Collapsed, int? ChildId)
{
    public static readonly Preferences Empty = new([], null);
}

/// <summary>
/// Reads and writes <see cref="Preferences"/> in the browser's local storage, encrypted by Data
/// Protection so the browser cannot forge them. Usable once the component has rendered (JS interop).
/// Values read back are hints only: every id is checked again against the person's rights.
/// </summary>
public sealed class BrowserPreferences(ProtectedLocalStorage storage)
{
    private const string Key = "enoe.preferences";

    public async Task<Preferences> LoadAsync()
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

    public ValueTask SaveAsync(Preferences preferences) => storage.SetAsync(Key, preferences);
}
