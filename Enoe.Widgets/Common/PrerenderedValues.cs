using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Enoe.Widgets.Common;

/// <summary>
/// What a page loaded while it was prerendered, handed to its live circuit (.NET's persistent component state, in the
/// page itself) so the circuit's first render shows the same without reading the database again: an open dashboard
/// loads its layout and each widget once, not twice. Each value is taken once, by the first render that asks; what
/// loads later reads afresh. Only prerendering hands values over: a paused tab resumes onto what changed meanwhile.
/// </summary>
/// <remarks>
/// Hand over small view records only (what the page shows, the reader's rights already applied): they travel
/// in the page, protected by Data Protection, and come back as JSON.
/// </remarks>
public sealed class PrerenderedValues(PersistentComponentState? state) : IDisposable
{
    private readonly Dictionary<string, Action> _handOver = new(StringComparer.Ordinal);
    private PersistingComponentStateSubscription? _persisting;

    /// <summary>
    /// In the circuit, the value the prerendering loaded under <paramref name="key"/> if there is one (once);
    /// otherwise <paramref name="load"/>'s, kept to hand over when <paramref name="isPrerendering"/> (asked only
    /// where there is state to hand over: component tests set no renderer).
    /// </summary>
    public async Task<T> TakeOrLoadAsync<T>(string key, Func<bool> isPrerendering, Func<Task<T>> load)
    {
        var prerendering = state is not null && isPrerendering();
        if (state is not null && !prerendering && TryTake<T>(key) is { } handed)
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

    private void HandOver<T>(string key, T value)
    {
        lock (_handOver)
        {
            _handOver[key] = () => state!.PersistAsJson(key, value);
            _persisting ??= state!.RegisterOnPersisting(PersistAsync, RenderMode.InteractiveServer);
        }
    }

    private Task PersistAsync()
    {
        lock (_handOver)
            foreach (var persist in _handOver.Values)
                persist();
        return Task.CompletedTask;
    }

    public void Dispose() => _persisting?.Dispose();
}
