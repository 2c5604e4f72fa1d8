using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Enoe.Bench.Circuits;

/// <summary>
/// A tab's connection to the Blazor hub: one WebSocket, SignalR's handshake and blazorpack messages, a receive loop
/// that hands each invocation to its handler in order, and nothing else. SignalR's <c>HubConnection</c> also runs a
/// timer per connection (every second), channels and invocation bookkeeping: with 2,000 of them, the bench client
/// took more CPU than either instance while a mémo was delivered, on the two cores it shares with them. Pings, which
/// keep the server from dropping an idle tab, go out from one timer for every connection.
/// </summary>
internal sealed class HubSocket : IAsyncDisposable
{
    private static readonly BlazorPackProtocol Protocol = new();
    private static readonly byte[] Ping = Protocol.GetMessageBytes(PingMessage.Instance).ToArray();
    private static readonly ConcurrentDictionary<HubSocket, byte> Open = new();

    // The server drops a client silent for 30 s (ClientTimeoutInterval); HubConnection pings every 15 s.
    private static readonly Timer KeepAlive = new(
        _ =>
        {
            foreach (var socket in Open.Keys)
                _ = socket.SendAsync(Ping);
        },
        null,
        TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(10)
    );

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1); // a WebSocket takes one send at a time
    private readonly Dictionary<string, (Type[] Types, Func<object?[], Task> Handle)> _handlers = [];
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<object?>? _invocation; // the one call awaited (StartCircuit)
    private Task? _receiving;

    /// <summary>The connection ended: the error, or null when the server closed it without one.</summary>
    public event Action<Exception?>? Closed;

    /// <summary>
    /// Offer WebSocket compression (permessage-deflate), as every browser does (<c>--deflate</c>). Off by default, as
    /// the README's earlier figures were taken; ENOE turns the offer down unless configured to accept it.
    /// </summary>
    public static bool OfferDeflate { get; set; }

    public HubSocket(string cookie)
    {
        _socket.Options.SetRequestHeader("Cookie", cookie);
        if (OfferDeflate)
            _socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
    }

    /// <summary>Handles <paramref name="target"/>'s invocations (before <see cref="StartAsync"/>).</summary>
    public void On(string target, Type[] types, Func<object?[], Task> handle) => _handlers[target] = (types, handle);

    public async Task StartAsync(Uri instance, CancellationToken ct)
    {
        var hub = new UriBuilder(new Uri(instance, "_blazor")) { Scheme = instance.Scheme == "https" ? "wss" : "ws" };
        // No negotiation, as blazor.web.js when WebSockets are known to work: the hub opens the connection itself.
        await _socket.ConnectAsync(hub.Uri, ct);
        var handshake = new ArrayBufferWriter<byte>();
        HandshakeProtocol.WriteRequestMessage(new HandshakeRequestMessage(Protocol.Name, Protocol.Version), handshake);
        await SendAsync(handshake.WrittenMemory);
        _receiving = Task.Run(ReceiveAsync, CancellationToken.None);
        await _handshake.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
        Open.TryAdd(this, 0);
    }

    /// <summary>A hub method the tab does not wait for (acknowledgements, events, JS results).</summary>
    public Task SendAsync(string target, params object?[] args) =>
        SendAsync(Protocol.GetMessageBytes(new InvocationMessage(target, args)));

    /// <summary>A hub method whose result the tab waits for; one at a time.</summary>
    public async Task<object?> InvokeAsync(string target, object?[] args, CancellationToken ct)
    {
        _invocation = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync(Protocol.GetMessageBytes(new InvocationMessage("1", target, args)));
        return await _invocation.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
    }

    private async Task SendAsync(ReadOnlyMemory<byte> message)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // closed meanwhile: the receive loop reports it
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var received = new ArrayBufferWriter<byte>(64 * 1024);
        var binder = new Binder(this);
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(received.GetMemory(16 * 1024), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                received.Advance(result.Count);
                if (!result.EndOfMessage)
                    continue;
                var unread = new ReadOnlySequence<byte>(received.WrittenMemory);
                if (!_handshake.Task.IsCompleted)
                {
                    if (!HandshakeProtocol.TryParseResponseMessage(ref unread, out var answer))
                        continue;
                    if (answer.Error is { } refused)
                        throw new InvalidOperationException("handshake refused: " + refused);
                    _handshake.TrySetResult();
                }
                while (Protocol.TryParseMessage(ref unread, binder, out var message))
                    if (!await HandleAsync(message))
                        return;
                // A message split over two WebSocket messages waits for its end.
                var rest = unread.ToArray();
                received.ResetWrittenCount();
                received.Write(rest);
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            Open.TryRemove(this, out _);
            _handshake.TrySetException(error ?? new InvalidOperationException("closed during the handshake"));
            _invocation?.TrySetException(error ?? new InvalidOperationException("closed before answering"));
        }
        Closed?.Invoke(error);
    }

    /// <summary>False when the server closed the connection.</summary>
    private async Task<bool> HandleAsync(HubMessage message)
    {
        switch (message)
        {
            case InvocationMessage call when _handlers.TryGetValue(call.Target, out var handler):
                await handler.Handle(call.Arguments);
                // A call the server awaits an answer to (a client result): the one a tab gets is the paused circuit's
                // state handed over (JS.SavePersistedState), answered as taken.
                if (call.InvocationId is { } awaited)
                    await SendAsync(Protocol.GetMessageBytes(CompletionMessage.WithResult(awaited, true)));
                return true;
            case CompletionMessage done:
                if (done.Error is { } failed)
                    _invocation?.TrySetException(new InvalidOperationException(failed));
                else
                    _invocation?.TrySetResult(done.Result);
                return true;
            case CloseMessage close:
                Open.TryRemove(this, out _);
                Closed?.Invoke(close.Error is null ? null : new InvalidOperationException(close.Error));
                return false;
            default: // pings, and the calls no handler takes (their arguments were not read)
                return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Open.TryRemove(this, out _);
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, wait.Token);
            if (_receiving is not null)
                await _receiving.WaitAsync(wait.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
        _socket.Dispose();
    }

    /// <summary>The argument types of each handled call, and the one awaited call's result (a string).</summary>
    private sealed class Binder(HubSocket socket) : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            socket._handlers.TryGetValue(methodName, out var handler)
                ? handler.Types
                : throw new InvalidOperationException($"no handler for {methodName}");

        public Type GetReturnType(string invocationId) => typeof(string);

        public Type GetStreamItemType(string streamId) => throw new NotSupportedException();
    }
}
