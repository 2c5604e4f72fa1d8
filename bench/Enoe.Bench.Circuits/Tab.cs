using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Enoe.Bench.Circuits;

/// <summary>
/// One browser tab without a browser: the page's HTML over HTTP, then a real Blazor Server circuit over SignalR
/// (blazorpack, <see cref="HubSocket"/>), started and fed as blazor.web.js does (Web.JS: CircuitManager.ts,
/// WebRootComponentManager.ts, RenderQueue.ts). Every render batch is acknowledged; every JS call is answered (a module
/// import with a JS object reference, anything else with null) so that no component waits for a browser or throws.
/// </summary>
internal sealed partial class Tab : IAsyncDisposable
{
    private const int ObjectReference = 1; // JSCallResultType.JSObjectReference

    private readonly HubSocket _hub;
    private readonly Account _account;
    private readonly long _started;
    private string? _circuitId;
    private long _lastBatchAt,
        _armedAt,
        _firstBatchAfterArm,
        _textSeenAt,
        _navigatedAt;
    private int _batches,
        _widgets,
        _nextObjectId,
        _closed;
    private long _rendererObject = -1;
    private byte[]? _awaitedText;

    /// <summary>What the drafts module's <c>attach</c> returns (a stored draft's JSON), or null: no draft.</summary>
    public string? DraftToRestore { get; init; }

    /// <summary>Buttons seen in the batches, by their text, with their click handler.</summary>
    public ConcurrentDictionary<string, ulong> Buttons { get; } = new();

    public string? Error { get; private set; }
    public int Batches => Volatile.Read(ref _batches);
    public int Widgets => Volatile.Read(ref _widgets);
    public bool Failed => Error is not null;

    private Tab(Account account, long started)
    {
        _account = account;
        _started = started;
        _hub = new HubSocket(account.CookieHeader);
        _hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], a => OnRenderBatchAsync((long)a[0]!, (byte[])a[1]!));
        // .NET 10 sends six arguments: handle, identifier, arguments, result type, target instance, call type.
        _hub.On(
            "JS.BeginInvokeJS",
            [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            a => OnBeginInvokeJSAsync((long)a[0]!, (string)a[1]!, (string?)a[2], (int)a[3]!, (long)a[4]!, (int)a[5]!)
        );
        // A paused circuit's state (PauseAsync), which a browser keeps for its return; the bench never resumes.
        _hub.On("JS.SavePersistedState", [typeof(string), typeof(string), typeof(string)], _ => Task.CompletedTask);
        _hub.On(
            "JS.Error",
            [typeof(string)],
            a =>
            {
                Error ??= "JS.Error: " + a[0];
                return Task.CompletedTask;
            }
        );
        _hub.Closed += e =>
        {
            if (Volatile.Read(ref _closed) == 0)
                Error ??= "connection closed: " + (e?.Message ?? "by the server");
        };
    }

    /// <summary>
    /// Opens <paramref name="path"/> for <paramref name="account"/> and waits until it is rendered: <paramref
    /// name="ready"/> holds and no batch came for <paramref name="quiet"/>. Returns the time from the page request to
    /// the last batch acknowledged.
    /// </summary>
    public static async Task<(Tab Tab, TimeSpan Open)> OpenAsync(
        Account account,
        string path,
        Func<Tab, bool> ready,
        TimeSpan quiet,
        string? draft,
        CancellationToken ct
    )
    {
        var tab = new Tab(account, Stopwatch.GetTimestamp()) { DraftToRestore = draft };
        try
        {
            var page = new Uri(account.Instance, path);
            var html = await account.GetStringAsync(page, ct);
            var markers = ServerMarkers(html);
            if (markers.Count == 0)
                throw new InvalidOperationException($"{path} came without an interactive component (refused?).");
            var state = ComponentState().Match(html) is { Success: true } m ? m.Groups[1].Value : "";
            await tab._hub.StartAsync(account.Instance, ct);
            var circuit = (string?)
                await tab._hub.InvokeAsync(
                    "StartCircuit",
                    [account.Instance.ToString(), page.ToString(), "[]", state],
                    ct
                );
            if (string.IsNullOrEmpty(circuit))
                throw new InvalidOperationException("StartCircuit returned no circuit.");
            tab._circuitId = circuit;
            var operations = new JsonObject
            {
                ["batchId"] = 1,
                ["operations"] = new JsonArray([
                    .. markers.Select(
                        (marker, i) =>
                            (JsonNode)
                                new JsonObject
                                {
                                    ["type"] = "add",
                                    ["ssrComponentId"] = i + 1,
                                    ["marker"] = marker,
                                }
                    ),
                ]),
            };
            await tab._hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), state);
            await tab.WaitAsync(t => ready(t) && t.QuietFor(quiet), TimeSpan.FromMinutes(2), ct);
            return (tab, Stopwatch.GetElapsedTime(tab._started, Volatile.Read(ref tab._lastBatchAt)));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            tab.Error ??= e.Message;
            return (tab, TimeSpan.Zero);
        }
    }

    private bool QuietFor(TimeSpan quiet) =>
        Batches > 0 && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastBatchAt)) >= quiet;

    public async Task WaitAsync(Func<Tab, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition(this))
        {
            if (Failed)
                throw new InvalidOperationException(Error);
            if (Stopwatch.GetTimestamp() > until)
                throw new TimeoutException($"not rendered within {timeout.TotalSeconds:0} s ({Batches} batches)");
            await Task.Delay(50, ct);
        }
    }

    /// <summary>
    /// From now on, note the first batch that arrives, and the first that carries <paramref name="text"/>.
    /// </summary>
    public void Arm(long at, string text)
    {
        _awaitedText = System.Text.Encoding.UTF8.GetBytes(text);
        Volatile.Write(ref _firstBatchAfterArm, 0);
        Volatile.Write(ref _textSeenAt, 0);
        Volatile.Write(ref _navigatedAt, 0);
        Volatile.Write(ref _armedAt, at);
    }

    /// <summary>
    /// Since <see cref="Arm"/>: when the page asked the browser to go elsewhere (a compose page, once its mémo is
    /// stored, goes to it), or null.
    /// </summary>
    public TimeSpan? Navigated =>
        Volatile.Read(ref _navigatedAt) is var at and not 0 ? Stopwatch.GetElapsedTime(_armedAt, at) : null;

    /// <summary>Since <see cref="Arm"/>: the first batch's arrival and the text's (null until they come).</summary>
    public (TimeSpan? FirstBatch, TimeSpan? Text) Delivery
    {
        get
        {
            var (armed, first, text) = (
                _armedAt,
                Volatile.Read(ref _firstBatchAfterArm),
                Volatile.Read(ref _textSeenAt)
            );
            return (
                first == 0 ? null : Stopwatch.GetElapsedTime(armed, first),
                text == 0 ? null : Stopwatch.GetElapsedTime(armed, text)
            );
        }
    }

    /// <summary>
    /// A click on a button, as the browser's event delegator sends it (WebRendererInteropMethods.ts).
    /// </summary>
    public Task ClickAsync(ulong handler) =>
        DispatchAsync(
            handler,
            "click",
            new
            {
                detail = 1,
                button = 0,
                buttons = 0,
                type = "click",
            }
        );

    /// <summary>
    /// What the browser's <c>Blazor.pauseCircuit()</c> asks (js/pause-when-hidden.js, a tab left hidden): the server
    /// keeps the tab's state for its return and ends its circuit.
    /// </summary>
    public Task PauseAsync() => _hub.SendAsync("PauseCircuit");

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var now = Stopwatch.GetTimestamp();
        if (Volatile.Read(ref _armedAt) != 0)
        {
            // Opened and counted: the tab only waits for the mémo now (the client shares the server's two cores).
            Interlocked.CompareExchange(ref _firstBatchAfterArm, now, 0);
            if (_awaitedText is { } text && RenderBatchFrames.Contains(data, text))
                Interlocked.CompareExchange(ref _textSeenAt, now, 0);
        }
        else
        {
            var frames = new RenderBatchFrames(data);
            Interlocked.Add(ref _widgets, frames.CountAttributes("data-widget"));
            foreach (var (label, handler) in frames.Buttons())
                Buttons.TryAdd(label, handler);
            NoteFields(frames);
        }
        await _hub.SendAsync("OnRenderCompleted", batchId, null);
        Volatile.Write(ref _lastBatchAt, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _batches);
    }

    private async Task OnBeginInvokeJSAsync(
        long handle,
        string identifier,
        string? argsJson,
        int resultType,
        long targetInstanceId,
        int callType
    )
    {
        if (identifier == "Blazor._internal.navigationManager.navigateTo" && Volatile.Read(ref _armedAt) != 0)
            Interlocked.CompareExchange(ref _navigatedAt, Stopwatch.GetTimestamp(), 0);
        if (identifier == "Blazor._internal.attachWebRendererInterop" && argsJson is not null)
            _rendererObject = JsonNode.Parse(argsJson)![1]!["__dotNetObject"]!.GetValue<long>();
        if (handle == 0)
            return; // nobody waits for this call's result
        var result =
            resultType == ObjectReference ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextObjectId)}}}"
            : identifier == "attach" && DraftToRestore is not null && argsJson?.Contains("enoe.draft.") == true
                ? JsonSerializer.Serialize(DraftToRestore)
            : "null";
        await _hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
    }

    /// <summary>The page's interactive server components, in document order (the end markers carry no type).</summary>
    private static List<JsonObject> ServerMarkers(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in Marker().Matches(html))
            if (JsonNode.Parse(match.Groups[1].Value) is JsonObject marker && (string?)marker["type"] == "server")
            {
                marker["uniqueId"] = markers.Count;
                markers.Add(marker);
            }
        return markers;
    }

    /// <summary>
    /// The tab closed by its person: the browser's beacon as the page unloads (blazor.web.js posts the circuit's id to
    /// <c>_blazor/disconnect</c>) ends the circuit at once, instead of the server keeping it for a reconnection.
    /// </summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        if (_circuitId is { } id)
            await _account.PostFormAsync("/_blazor/disconnect", new() { ["circuitId"] = id }, ct);
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _closed, 1);
        await _hub.DisposeAsync();
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex ComponentState();
}
