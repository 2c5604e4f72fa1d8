using System.Text.Json;
using Enoe.Data.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace Enoe.Widgets.Common;

/// <summary>
/// What a page loaded while it was prerendered, handed to its live circuit (.NET's persistent component state, in the
/// page itself) so the circuit's first render shows the same without reading the database again: an open dashboard
/// loads its shell, its layout and each widget once, not twice. Each value is taken once, by the first render that
/// asks; what loads later reads afresh. Only prerendering hands values over: a paused tab resumes onto what changed
/// meanwhile.
/// </summary>
/// <remarks>
/// Hand over small view records only (what the page shows, the reader's rights already applied): they travel in the
/// page, protected by Data Protection, and come back as JSON. The state is stamped with the person and établissement
/// it was loaded for, and when: a circuit started by someone else (a page saved and replayed), in another
/// établissement (switched in another tab meanwhile) or later than <see cref="Freshness"/> reads everything afresh.
/// </remarks>
public sealed class PrerenderedValues(
    PersistentComponentState? state,
    AuthenticationStateProvider? authentication,
    TimeProvider clock,
    RenderScope scope,
    ILogger<PrerenderedValues>? logger = null
) : IDisposable
{
    /// <summary>
    /// A page opens its circuit within seconds; an older state is no longer what the page should show.
    /// </summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(2);

    private const string StampKey = "enoe:handed-for";
    private readonly Dictionary<string, Action> _handOver = new(StringComparer.Ordinal);
    private PersistingComponentStateSubscription? _persisting;
    private Task<bool>? _stampValid;

    /// <summary>
    /// For services of the page's scope (the shell's workspace, the unread mémos), which have no renderer to ask:
    /// prerendering when the scope renders to HTML (<see cref="RenderScope"/>).
    /// </summary>
    public Task<T> TakeOrLoadAsync<T>(string key, Func<Task<T>> load) =>
        TakeOrLoadAsync(key, () => scope.IsStatic, load);

    /// <summary>
    /// In the circuit, the value the prerendering loaded under <paramref name="key"/> if there is one (once);
    /// otherwise <paramref name="load"/>'s, kept to hand over when <paramref name="isPrerendering"/> (asked only
    /// where there is state to hand over: component tests set no renderer).
    /// </summary>
    public async Task<T> TakeOrLoadAsync<T>(string key, Func<bool> isPrerendering, Func<Task<T>> load)
    {
        var prerendering = state is not null && isPrerendering();
        if (state is not null && !prerendering && await StampValidAsync() && TryTake<T>(key) is { } handed)
            return handed;
        var value = await load();
        if (prerendering)
            HandOver(key, value);
        return value;
    }

    /// <summary>
    /// A value of another shape (a page prerendered by the previous version, during a deployment) is read afresh
    /// rather than ending the circuit.
    /// </summary>
    private T? TryTake<T>(string key)
    {
        try
        {
            return state!.TryTakeFromJson<T>(key, out var handed) ? handed : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>
    /// Whether the handed values may be taken: checked once, when a stamp is there (taking it); without one, nothing
    /// was handed over (or not yet, in a test that renders the page and its circuit in one scope).
    /// </summary>
    private Task<bool> StampValidAsync() =>
        _stampValid
        ?? (TryTake<Stamp>(StampKey) is { } stamp ? _stampValid = CheckAsync(stamp) : Task.FromResult(false));

    private async Task<bool> CheckAsync(Stamp stamp)
    {
        if (await UserAsync() is not { } me)
            return false;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(stamp.At);
        return (stamp.PersonId, stamp.SchoolId) == (me.PersonId, me.SchoolId) && age < Freshness && age > -Freshness;
    }

    private async Task<CurrentUser?> UserAsync() =>
        authentication is null ? null : CurrentUser.From((await authentication.GetAuthenticationStateAsync()).User);

    private void HandOver<T>(string key, T value)
    {
        lock (_handOver)
        {
            _handOver[key] = () => state!.PersistAsJson(key, value);
            _persisting ??= state!.RegisterOnPersisting(PersistAsync, RenderMode.InteractiveServer);
        }
    }

    /// <summary>
    /// Never throws: a value that cannot be handed over (the framework would then drop the whole page's state) is
    /// read again by the circuit.
    /// </summary>
    private async Task PersistAsync()
    {
        try
        {
            if (await UserAsync() is not { } me)
                return; // nobody to hand it to
            state!.PersistAsJson(StampKey, new Stamp(me.PersonId, me.SchoolId, clock.GetUtcNow().ToUnixTimeSeconds()));
            lock (_handOver)
                foreach (var persist in _handOver.Values)
                    persist();
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
        {
            logger?.LogWarning(e, "The prerendered page's values were not handed to its circuit: it reads them again");
        }
    }

    public void Dispose() => _persisting?.Dispose();

    /// <summary>Whom the state was loaded for, in which établissement, and when (Unix seconds).</summary>
    private sealed record Stamp(int PersonId, int? SchoolId, long At);
}
