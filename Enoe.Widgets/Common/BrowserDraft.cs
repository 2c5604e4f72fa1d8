using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.JSInterop;

namespace Enoe.Widgets.Common;

/// <summary>
/// A form's draft, kept in the browser as the person types (<c>js/drafts.js</c>): a reload, a closed
/// tab or a lost connection loses nothing, and no keystroke waits for the server. The browser
/// encrypts it with a key of this person's: the key is stored beside the draft wrapped by Data
/// Protection for this person only, and unwrapped here for the person signed in, so another
/// account on the same browser can neither read nor restore it. A restored draft is only a hint:
/// whatever is done with it (sending) checks everything again.
/// </summary>
/// <remarks>One per form, created by its component after its first render; dispose it with the component.</remarks>
public sealed class BrowserDraft(IJSRuntime js, IDataProtectionProvider protection) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private ElementReference _form;

    /// <summary>
    /// Starts keeping the form's <c>[data-draft]</c> fields and <paramref name="context"/> (what the
    /// server holds: recipients…) under <paramref name="formKey"/> for <paramref name="personId"/>.
    /// Returns the stored draft's JSON (<c>{ fields: {…}, context: … }</c>), or null when there is none,
    /// it cannot be read, or the person has already started typing.
    /// </summary>
    public async Task<string?> AttachAsync(ElementReference form, int personId, string formKey, object context)
    {
        _form = form;
        _module = await js.InvokeAsync<IJSObjectReference>("import", "./js/drafts.js");
        var storageKey = $"enoe.draft.{personId.ToString(CultureInfo.InvariantCulture)}.{formKey}";
        var protector = protection.CreateProtector(
            "Enoe.BrowserDraft",
            personId.ToString(CultureInfo.InvariantCulture)
        );
        var wrapped = await _module.InvokeAsync<string?>("storedKey", storageKey);
        var raw = Unwrap(protector, wrapped);
        if (raw is null)
        {
            raw = RandomNumberGenerator.GetBytes(32);
            wrapped = Convert.ToBase64String(protector.Protect(raw));
        }
        return await _module.InvokeAsync<string?>(
            "attach",
            form,
            storageKey,
            Convert.ToBase64String(raw),
            wrapped,
            context
        );
    }

    /// <summary>What the server holds of the draft changed: the browser writes it at once.</summary>
    public ValueTask RememberAsync(object context) =>
        _module?.InvokeVoidAsync("remember", _form, context) ?? ValueTask.CompletedTask;

    /// <summary>
    /// The draft was sent: the browser forgets it; what is typed next starts a new one, with
    /// <paramref name="context"/>.
    /// </summary>
    public ValueTask ClearAsync(object context) =>
        _module?.InvokeVoidAsync("clear", _form, context) ?? ValueTask.CompletedTask;

    /// <summary>
    /// A key stored by this person's browser for this person (null when absent, another person's, or from a discarded
    /// key ring).
    /// </summary>
    private static byte[]? Unwrap(IDataProtector protector, string? wrapped)
    {
        if (string.IsNullOrEmpty(wrapped))
            return null;
        try
        {
            return protector.Unprotect(Convert.FromBase64String(wrapped));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
            return;
        try
        {
            await _module.InvokeVoidAsync("detach", _form);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException) { } // the tab is gone: its pending change was written on 'pagehide'
    }
}
