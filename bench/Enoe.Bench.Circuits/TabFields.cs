using System.Collections.Concurrent;
using System.Text.Json;

namespace Enoe.Bench.Circuits;

internal sealed partial class Tab
{
    /// <summary>Form fields seen in the batches, by their <c>id</c>, with their latest change handler.</summary>
    public ConcurrentDictionary<string, ulong> Fields { get; } = new();

    /// <summary>Every change handler shown, with its field's <c>id</c> (null: a field without one).</summary>
    private readonly Dictionary<ulong, string?> _changeHandlers = [];

    /// <summary>
    /// Keeps <see cref="Fields"/> current. A page that renders again gives its <c>@bind</c> fields new handlers (a
    /// lambda each time) and disposes the old ones, in the same order: the diff replaces one, disposes the other, and
    /// goes on. Should a removed field's handlers come in between (the counts differ), its fields are forgotten.
    /// </summary>
    private void NoteFields(RenderBatchFrames frames)
    {
        lock (_changeHandlers)
        {
            var replaced = frames.DisposedHandlers().Where(_changeHandlers.ContainsKey).ToList();
            var fresh = frames.ReplacedHandlers("onchange").ToList();
            for (var i = 0; i < replaced.Count; i++)
            {
                _changeHandlers.Remove(replaced[i], out var id);
                if (replaced.Count == fresh.Count)
                    _changeHandlers[fresh[i]] = id;
                if (id is null)
                    continue;
                if (replaced.Count == fresh.Count)
                    Fields[id] = fresh[i];
                else
                    Fields.TryRemove(id, out _);
            }
            foreach (var (id, handler) in frames.ChangeHandlers())
            {
                _changeHandlers[handler] = id;
                if (id is not null)
                    Fields[id] = handler;
            }
        }
    }

    /// <summary>
    /// What a browser sends when a person has typed into a field and leaves it: its <c>change</c> event with the
    /// field's value (EventTypes.ts), which <c>@bind</c> writes into the component.
    /// </summary>
    // The server's ChangeEventArgsReader takes "value" alone
    public Task ChangeAsync(ulong handler, string value) => DispatchAsync(handler, "change", new { value });

    private Task DispatchAsync(ulong handler, string eventName, object eventArgs)
    {
        if (_rendererObject < 0)
            throw new InvalidOperationException("The renderer never attached its interop object.");
        var descriptor = new
        {
            eventHandlerId = handler,
            eventName,
            eventFieldInfo = (object?)null,
        };
        var args = JsonSerializer.Serialize(new object[] { descriptor, eventArgs });
        return _hub.SendAsync("BeginInvokeDotNetFromJS", "1", null, "DispatchEventAsync", _rendererObject, args);
    }
}
