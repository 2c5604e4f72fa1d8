using Enoe.App.Hosting;
using Enoe.Data.Diagnostics;
using Microsoft.Extensions.Options;

namespace Enoe.App.WaitingRoom;

/// <summary>Where a person stands: let in, or waiting at <see cref="Position"/> (1: next) for about
/// <see cref="Wait"/> (null: not known yet).</summary>
public readonly record struct Place(bool In, int Position, TimeSpan? Wait)
{
    public static readonly Place LetIn = new(true, 0, null);
}

/// <summary>
/// This node's queue for a rentrée morning. A person with no tab open here is let in while the node holds fewer tabs
/// than its capacity, and no faster than its pace (<see cref="CircuitLimitsOptions.Capacity"/>,
/// <see cref="CircuitLimitsOptions.AdmissionsPerSecond"/>); past either, they take a ticket and wait their turn, first
/// come first in, on a page that costs almost nothing (<see cref="WaitingRoomEndpoints"/>). Someone with a tab already
/// open is never queued (a second tab, a reload, a paused tab coming back), and no open tab is ever closed to make
/// room.
/// <para>
/// The line starts at the door: signing in costs the node about as much as opening a dashboard (the password's hash),
/// so a browser that is not signed in waits before the sign-in form (<see cref="EnterTheDoor"/>, its pass a cookie),
/// and the place it is let in with carries its person on to their page (<see cref="Enter"/>). Someone signed in already
/// (a session from yesterday) waits before their page.
/// </para>
/// <para>
/// Whoever is let in gets a seat: the place is theirs for <see cref="SeatKept"/> while their page opens its circuit
/// (<see cref="Seated"/>), <see cref="DoorSeatKept"/> from the door, so a rush of arrivals cannot take more places
/// than there are. Every operation is O(1) under one lock but a sweep, once a second, that drops the tickets of
/// closed waiting pages and numbers the line again.
/// </para>
/// </summary>
public sealed class WaitingLine(CircuitTally tally, IOptions<CircuitLimitsOptions> options, TimeProvider clock)
{
    /// <summary>How long a place let in waits for its page to open a circuit.</summary>
    public static readonly TimeSpan SeatKept = TimeSpan.FromSeconds(60);

    /// <summary>How long a place let in at the door waits for its person to sign in and open their page.</summary>
    public static readonly TimeSpan DoorSeatKept = TimeSpan.FromMinutes(3);

    /// <summary>A waiting page comes back at least every 30 s: a ticket not seen for longer was closed.</summary>
    public static readonly TimeSpan TicketKept = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan PaceWindow = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly LinkedList<Ticket> _line = [];
    private readonly Dictionary<string, LinkedListNode<Ticket>> _tickets = [];
    private readonly Dictionary<string, long> _seats = []; // person: until when their place is kept
    private readonly Queue<long> _letInFromTheLine = []; // when, over the last minute: the estimate's pace
    private long _lineSince,
        _sweptAt,
        _tokensAt;
    private int _letInSinceSweep;
    private double _tokens;

    private sealed class Ticket(string who, TimeSpan kept)
    {
        public string Who { get; } = who;

        /// <summary>How long the seat it is let in with is kept.</summary>
        public TimeSpan Kept { get; } = kept;
        public long SeenAt { get; set; }

        /// <summary>People ahead at the last sweep, all of whom were let in before anyone behind.</summary>
        public int AheadAtSweep { get; set; }
    }

    private CircuitLimitsOptions Limits => options.Value;

    public bool IsOn => Limits.Capacity > 0 || Limits.AdmissionsPerSecond > 0;

    public int Waiting
    {
        get
        {
            lock (_lock)
                return _line.Count;
        }
    }

    /// <summary>
    /// Lets <paramref name="person"/> on to a page that opens a tab, or gives them (or refreshes) their place in the
    /// line. <paramref name="pass"/>: their browser's, if it was let in at the door.
    /// </summary>
    public Place Enter(string person, string? pass = null)
    {
        if (!IsOn)
            return Place.LetIn;
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            SweepIfDue(now); // a place given up is nobody's
            if (_seats.ContainsKey(person) || tally.OpenFor(person) > 0)
                return Place.LetIn;
            if (pass is not null && _seats.Remove(AtTheDoor(pass), out var until))
            {
                _seats[person] = until; // the place it was let in with, now its person's
                return Place.LetIn;
            }
            return Take(person, SeatKept, now);
        }
    }

    /// <summary>Lets a browser not signed in on to the sign-in form, or gives it (or refreshes) its place.</summary>
    public Place EnterTheDoor(string pass)
    {
        if (!IsOn)
            return Place.LetIn;
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            SweepIfDue(now);
            return _seats.ContainsKey(AtTheDoor(pass)) ? Place.LetIn : Take(AtTheDoor(pass), DoorSeatKept, now);
        }
    }

    private static string AtTheDoor(string pass) => "door:" + pass;

    private Place Take(string who, TimeSpan kept, long now)
    {
        LetInFromTheLine(now);
        if (_seats.ContainsKey(who))
            return Place.LetIn;
        if (_line.Count == 0 && TryTakeAPlace(now))
        {
            _seats[who] = now + Ticks(kept);
            return Place.LetIn;
        }
        if (!_tickets.TryGetValue(who, out var ticket))
        {
            if (_line.Count == 0)
                _lineSince = now;
            ticket = _line.AddLast(new Ticket(who, kept) { AheadAtSweep = _line.Count + _letInSinceSweep });
            _tickets[who] = ticket;
            EnoeMetrics.WaitingInLine.Add(1);
        }
        ticket.Value.SeenAt = now;
        var position = ticket.Value.AheadAtSweep - _letInSinceSweep + 1;
        return new Place(false, position, Estimate(position, now));
    }

    /// <summary>The person's circuit opened: the tally counts it now, their seat is no longer held.</summary>
    public void Seated(string person)
    {
        if (!IsOn)
            return;
        lock (_lock)
            _seats.Remove(person);
    }

    private void LetInFromTheLine(long now)
    {
        while (_line.First is { } head && TryTakeAPlace(now))
        {
            _line.RemoveFirst();
            _tickets.Remove(head.Value.Who);
            _seats[head.Value.Who] = now + Ticks(head.Value.Kept);
            _letInSinceSweep++;
            _letInFromTheLine.Enqueue(now);
            EnoeMetrics.WaitingInLine.Add(-1);
        }
    }

    private bool TryTakeAPlace(long now)
    {
        if (Limits.Capacity > 0 && tally.Total + _seats.Count >= Limits.Capacity)
            return false;
        if (Limits.AdmissionsPerSecond <= 0)
            return true;
        // A token bucket holding a fifth of a second's worth: arrivals spread out (each signs in and opens a dashboard,
        // 150 ms of CPU together; a second's worth let in at once made the last of them wait for all the others).
        var burst = Math.Max(1, Limits.AdmissionsPerSecond / 5);
        _tokens = Math.Min(burst, _tokens + Seconds(now - _tokensAt) * Limits.AdmissionsPerSecond);
        _tokensAt = now;
        if (_tokens < 1)
            return false;
        _tokens--;
        return true;
    }

    /// <summary>The pace the line moved at since it formed (the last minute at most); null before it has one.</summary>
    private TimeSpan? Estimate(int position, long now)
    {
        while (_letInFromTheLine.TryPeek(out var at) && now - at > Ticks(PaceWindow))
            _letInFromTheLine.Dequeue();
        var span = Math.Min(Seconds(now - _lineSince), PaceWindow.TotalSeconds);
        if (_letInFromTheLine.Count == 0 || span < 2)
            return null;
        return TimeSpan.FromSeconds(position * span / _letInFromTheLine.Count);
    }

    private void SweepIfDue(long now)
    {
        if (now - _sweptAt < Ticks(SweepEvery))
            return;
        _sweptAt = now;
        foreach (var (person, until) in _seats)
            if (until < now)
                _seats.Remove(person); // allowed while enumerating a Dictionary since .NET Core 3.0
        var ahead = 0;
        for (var node = _line.First; node is not null; )
        {
            var next = node.Next;
            if (now - node.Value.SeenAt > Ticks(TicketKept))
            {
                _line.Remove(node);
                _tickets.Remove(node.Value.Who);
                EnoeMetrics.WaitingInLine.Add(-1);
            }
            else
                node.Value.AheadAtSweep = ahead++;
            node = next;
        }
        _letInSinceSweep = 0;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);

    private double Seconds(long ticks) => (double)ticks / clock.TimestampFrequency;
}
