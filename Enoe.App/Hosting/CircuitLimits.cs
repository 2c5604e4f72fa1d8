using System.Security.Claims;
using Enoe.Data.People;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace Enoe.App.Hosting;

/// <summary>
/// <c>Enoe:Circuits</c>: how many live tabs (circuits, each held in the server's memory) may be open.
/// </summary>
public sealed class CircuitLimitsOptions
{
    public const string Section = "Enoe:Circuits";

    /// <summary>
    /// Open tabs per person: enough for real use, too few to fill the server's memory from one account.
    /// </summary>
    public int PerUser { get; set; } = 10;

    /// <summary>
    /// Open tabs per client address: generous, as a whole collège reaches ENOE through one NAT address.
    /// </summary>
    public int PerAddress { get; set; } = 200;

    /// <summary>
    /// A tab hidden this long gives its circuit up (wwwroot-assets/js/pause-when-hidden.js) and takes a new one when
    /// shown again: the server's memory goes to the tabs people look at. 0: never.
    /// </summary>
    public int PauseHiddenAfterSeconds { get; set; } = 300;

    /// <summary>
    /// Open tabs this node holds before new arrivals wait their turn on the waiting page (WaitingRoom/): beyond it,
    /// opening a dashboard gets slower for everyone. 0: no cap. Measured with bench/Enoe.Bench.Circuits --surge.
    /// </summary>
    public int Capacity { get; set; } = 2000;

    /// <summary>
    /// New arrivals (people with no tab open here) let in per second, the rest waiting their turn: an arrival costs the
    /// node about 150 ms of CPU (the password's hash, the dashboard rendered twice), so a rentrée morning's rush would
    /// otherwise slow every opening to seconds. 0: no pace. Measured with bench/Enoe.Bench.Circuits --surge.
    /// </summary>
    public double AdmissionsPerSecond { get; set; } = 4;

    /// <summary>
    /// Whether the tabs' WebSockets may be compressed, as every browser offers. Off by default: an accepted offer keeps
    /// a compressor and its window with each open tab (330 KB of native memory: 427 → 754 KB resident per dashboard)
    /// and makes every render batch pay for its compression (a mémo to 2,000 tabs: two thirds more CPU), to save about
    /// 1.5 KB per tab and event (bench/Enoe.Bench.Circuits --deflate). On, no other site may frame ENOE: the app
    /// refuses to start unless <c>Enoe:SecurityHeaders:FrameAncestors</c> is <c>'self'</c> or <c>'none'</c>.
    /// </summary>
    public bool WebSocketCompression { get; set; }
}

/// <summary>Why a circuit was not let in.</summary>
public enum CircuitRefusal
{
    None,
    TooManyForThePerson,
    TooManyFromTheAddress,
}

/// <summary>The open circuits counted per person and per address, across the whole app.</summary>
public sealed class CircuitTally(IOptions<CircuitLimitsOptions> options)
{
    private readonly Dictionary<string, int> _perUser = [],
        _perAddress = [],
        _downPerUser = [],
        _downPerAddress = [];
    private readonly Lock _lock = new();
    private int _total;

    public CircuitLimitsOptions Limits => options.Value;

    /// <summary>Every circuit counted in, connected or not: each holds its memory until it closes.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Counts a new circuit in, unless either cap is reached (then nothing is counted).</summary>
    public CircuitRefusal TryOpen(string? user, string? address)
    {
        lock (_lock)
        {
            if (Refused(user, address) is not CircuitRefusal.None and var refused)
                return refused;
            Add(_perUser, user, 1);
            Add(_perAddress, address, 1);
            _total++;
            return CircuitRefusal.None;
        }
    }

    public void Close(string? user, string? address)
    {
        lock (_lock)
        {
            Add(_perUser, user, -1);
            Add(_perAddress, address, -1);
            _total--;
        }
    }

    /// <summary>What <see cref="TryOpen"/> would answer now, counting nothing.</summary>
    public CircuitRefusal WouldRefuse(string? user, string? address)
    {
        lock (_lock)
            return Refused(user, address);
    }

    /// <summary>
    /// Whether a new connection to the circuit hub is refused (<see cref="CircuitAdmission"/>): only circuits that
    /// hold a connection count, so a tab whose connection dropped (its circuit kept for a while) may reconnect even
    /// at the cap; a new circuit on that connection is still refused as it opens.
    /// </summary>
    public CircuitRefusal WouldRefuseConnection(string? user, string? address)
    {
        lock (_lock)
            return Refused(user, address, _downPerUser, _downPerAddress);
    }

    /// <summary>One counted circuit lost its connection (<paramref name="down"/>) or got it back.</summary>
    public void ConnectionDown(string? user, string? address, bool down)
    {
        lock (_lock)
        {
            Add(_downPerUser, user, down ? 1 : -1);
            Add(_downPerAddress, address, down ? 1 : -1);
        }
    }

    /// <summary>What the person reads about <paramref name="refusal"/>, in their language (null: let in).</summary>
    public string? Reason(CircuitRefusal refusal) =>
        refusal switch
        {
            CircuitRefusal.TooManyForThePerson => CircuitText.FormatTooManyForThePerson(Limits.PerUser),
            CircuitRefusal.TooManyFromTheAddress => CircuitText.TooManyFromTheAddress,
            _ => null,
        };

    public int OpenFor(string user)
    {
        lock (_lock)
            return _perUser.GetValueOrDefault(user);
    }

    /// <summary>The person's circuits that hold a connection: their tabs open and live.</summary>
    public int ConnectedFor(string user)
    {
        lock (_lock)
            return _perUser.GetValueOrDefault(user) - _downPerUser.GetValueOrDefault(user);
    }

    private CircuitRefusal Refused(
        string? user,
        string? address,
        Dictionary<string, int>? downPerUser = null,
        Dictionary<string, int>? downPerAddress = null
    ) =>
        user is not null && Count(_perUser, downPerUser, user) >= Limits.PerUser ? CircuitRefusal.TooManyForThePerson
        : address is not null && Count(_perAddress, downPerAddress, address) >= Limits.PerAddress
            ? CircuitRefusal.TooManyFromTheAddress
        : CircuitRefusal.None;

    private static int Count(Dictionary<string, int> open, Dictionary<string, int>? down, string key) =>
        open.GetValueOrDefault(key) - (down?.GetValueOrDefault(key) ?? 0);

    private static void Add(Dictionary<string, int> counts, string? key, int delta)
    {
        if (key is null)
            return;
        var count = counts.GetValueOrDefault(key) + delta;
        if (count > 0)
            counts[key] = count;
        else
            counts.Remove(key); // no entry left behind per address ever seen
    }
}

/// <summary>
/// One per circuit: counts it in when it opens, out when it closes. A tab beyond a cap gets no circuit: the page
/// request sees the cap reached (<see cref="AdmitsNewTab"/>) and App.razor renders it statically with only the reason
/// (Routes.razor), so the person reads what to do and the server holds nothing for it. A circuit that starts anyway
/// (its page was let in just before another tab took the last place, or a client that skips the page) is closed as it
/// opens.
/// </summary>
public sealed class CircuitLimits(
    CircuitTally tally,
    WaitingRoom.WaitingLine line,
    AuthenticationStateProvider authentication
) : CircuitHandler
{
    private (string? User, string? Address)? _counted;
    private bool _down;

    /// <summary>Set by the page request (<see cref="AdmitsNewTab"/>) or when the circuit opens.</summary>
    public CircuitRefusal Refusal { get; private set; }

    /// <summary>What the person reads instead of the page, in their language (null: let in).</summary>
    public string? Message => tally.Reason(Refusal);

    /// <summary>Whether a page for <paramref name="user"/> may start a circuit now (nothing is counted yet).</summary>
    public bool AdmitsNewTab(ClaimsPrincipal user)
    {
        var (person, address) = KeyOf(user);
        Refusal = tally.WouldRefuse(person, address);
        return Refusal == CircuitRefusal.None;
    }

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
    {
        var key = KeyOf((await authentication.GetAuthenticationStateAsync()).User);
        Refusal = tally.TryOpen(key.User, key.Address);
        if (Refusal != CircuitRefusal.None)
            // Blazor closes and disposes a circuit whose handler throws as it opens; reloaded, the tab reads why.
            throw new CircuitRefusedException(Refusal);
        _counted = key;
        if (key.User is { } person)
            line.Seated(person); // counted now: the place the waiting line kept for this person is free again
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken ct) => MarkDown(true);

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken ct) => MarkDown(false);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken ct)
    {
        MarkDown(false);
        if (_counted is { } key)
            tally.Close(key.User, key.Address);
        _counted = null;
        return Task.CompletedTask;
    }

    private Task MarkDown(bool down)
    {
        if (_counted is { } key && _down != down)
        {
            tally.ConnectionDown(key.User, key.Address, down);
            _down = down;
        }
        return Task.CompletedTask;
    }

    private static (string? User, string? Address) KeyOf(ClaimsPrincipal user) =>
        (
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            ClientAddressKey.Of(user.FindFirstValue(EnoeClaims.ClientAddress))
        );
}

/// <summary>A circuit beyond a cap, closed as it opens.</summary>
public sealed class CircuitRefusedException(CircuitRefusal refusal) : Exception($"Circuit refused: {refusal}.");

public static class CircuitLimitsHosting
{
    public static IServiceCollection AddEnoeCircuitLimits(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<CircuitLimitsOptions>(config.GetSection(CircuitLimitsOptions.Section));
        services.AddSingleton<CircuitTally>();
        services.AddScoped<CircuitLimits>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitLimits>());
        return services;
    }
}
