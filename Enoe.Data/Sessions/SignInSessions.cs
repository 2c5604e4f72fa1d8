using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Enoe.Data.Sessions;

/// <summary>
/// Sessions that ended (signed out, password changed, account disabled, revoked): request checks forget them at once
/// and open circuits drop to signed-out.
/// </summary>
public sealed record SessionsEnded(int PersonId, IReadOnlyList<Guid> SessionIds);

/// <summary>An open session as the person sees it among theirs.</summary>
public sealed record OpenSession(
    Guid Id,
    DateTime StartedAt,
    DateTime LastSeenAt,
    string? ClientAddress,
    string? UserAgent,
    bool SecondFactor
);

/// <summary>
/// The server's record of every sign-in (<see cref="SignInSession"/>): the cookie carries only the session's id, and
/// every request asks <see cref="IsOpenAsync"/>, so a copy of the cookie replayed after the session ended opens
/// nothing. Checks are cached a few seconds per session; <see cref="SessionsEnded"/> drops them at once on this
/// instance (other instances see the end within <see cref="CheckCache"/>). The same read answers
/// <see cref="MustEnrolAsync"/> (the two-step enrolment middleware's question): one read per session per
/// <see cref="CheckCache"/>, whatever the number of requests.
/// </summary>
public sealed partial class SignInSessions : IDisposable
{
    /// <summary>How long a sign-in lasts without activity: the cookie's sliding lifetime.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>How long a request trusts the last answer about a session.</summary>
    public static readonly TimeSpan CheckCache = TimeSpan.FromSeconds(5);

    /// <summary><see cref="SignInSession.LastSeenAt"/> is written at most this often per session.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    private readonly IDbContextFactory<EnoeDbContext> _dbFactory;
    private readonly IEventBus _events;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _checks = new(new MemoryCacheOptions());
    private readonly IDisposable _subscription;

    /// <summary>
    /// Counts endings and second-factor changes: a check that read the database before one never caches its older
    /// answer.
    /// </summary>
    private long _changes;

    /// <summary>What a request needs to know of its session: open, and whether its person must enrol first.</summary>
    private sealed record Check(bool Open, bool MustEnrol);

    private static readonly Check Closed = new(false, false);

    public SignInSessions(IDbContextFactory<EnoeDbContext> dbFactory, IEventBus events, TimeProvider clock)
    {
        (_dbFactory, _events, _clock) = (dbFactory, events, clock);
        _subscription = events.Subscribe<SessionsEnded>(ForgetAsync);
    }

    public async Task<Guid> StartAsync(
        int personId,
        string? clientAddress,
        string? userAgent,
        bool secondFactor,
        CancellationToken ct = default
    )
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var session = new SignInSession
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            StartedAt = now,
            LastSeenAt = now,
            ClientAddress = Cut(clientAddress, 45),
            UserAgent = Cut(userAgent, 200),
            SecondFactor = secondFactor,
        };
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// True while the session is open and its account enabled (a disabled account is refused even before its sessions
    /// are ended). Touches <see cref="SignInSession.LastSeenAt"/> at most every <see cref="TouchEvery"/>.
    /// </summary>
    public async Task<DateTime?> StartedAtAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SignInSession>()
            .Where(s => s.Id == sessionId)
            .Select(s => (DateTime?)s.StartedAt)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<bool> IsOpenAsync(Guid sessionId, int personId, CancellationToken ct = default) =>
        (await CheckAsync(sessionId, personId, ct)).Open;

    /// <summary>
    /// Whether the session's person must enrol a second factor before going anywhere (<see
    /// cref="TwoFactorRules.MustEnrol"/>), from the same cached read as <see cref="IsOpenAsync"/>.
    /// </summary>
    public async Task<bool> MustEnrolAsync(Guid sessionId, int personId, CancellationToken ct = default) =>
        (await CheckAsync(sessionId, personId, ct)) is { Open: true, MustEnrol: true };

    /// <summary>
    /// The person's second factor changed (turned on or off by them, reset by an admin): every other session ends at
    /// once, and the one kept (null: none) reads its standing again at its next request.
    /// </summary>
    public async Task<int> SecondFactorChangedAsync(int personId, Guid? keep, CancellationToken ct = default)
    {
        var ended = await EndAllAsync(personId, SessionEnd.Revoked, keep, ct);
        Interlocked.Increment(ref _changes);
        if (keep is Guid id)
            _checks.Remove(id);
        return ended;
    }

    private sealed record SessionRow(DateTime? EndedAt, DateTime LastSeenAt, bool Disabled, bool MustEnrol);

    /// <summary>Every request's read (once per <see cref="CheckCache"/> per session), compiled.</summary>
    private static readonly CompiledPerModel<
        Func<EnoeDbContext, Guid, int, CancellationToken, Task<SessionRow?>>
    > SessionRead = new(() =>
        EF.CompileAsyncQuery(
            (EnoeDbContext db, Guid sessionId, int personId, CancellationToken ct) =>
                db.Set<SignInSession>()
                    .Where(s => s.Id == sessionId && s.PersonId == personId)
                    .Select(s => new SessionRow(
                        s.EndedAt,
                        s.LastSeenAt,
                        db.Users.Any(p => p.Id == s.PersonId && p.DisabledAt != null),
                        db.Users.Where(p => p.Id == s.PersonId).Any(TwoFactorRules.MustEnrol)
                    ))
                    .FirstOrDefault()
        )
    );

    private async Task<Check> CheckAsync(Guid sessionId, int personId, CancellationToken ct)
    {
        if (_checks.TryGetValue(sessionId, out Check? cached))
            return cached!;
        var changes = Interlocked.Read(ref _changes);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var row = await SessionRead.For(db)(db, sessionId, personId, ct);
        var check = row is { EndedAt: null, Disabled: false } ? new Check(true, row.MustEnrol) : Closed;
        var now = _clock.GetUtcNow().UtcDateTime;
        if (check.Open && now - row!.LastSeenAt >= TouchEvery)
            await Open(db)
                .Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        if (Interlocked.Read(ref _changes) == changes)
            _checks.Set(sessionId, check, CheckCache);
        return check;
    }

    /// <summary>Signing out: ends this one session.</summary>
    public async Task EndAsync(Guid sessionId, SessionEnd reason, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var personId = await Open(db)
            .Where(s => s.Id == sessionId)
            .Select(s => (int?)s.PersonId)
            .FirstOrDefaultAsync(ct);
        if (personId is int id)
            await EndAsync(db, [(sessionId, id)], reason, ct);
    }

    /// <summary>Ends every open session of the person but <paramref name="except"/> (the one that asked).</summary>
    public async Task<int> EndAllAsync(int personId, SessionEnd reason, Guid? except, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var ids = await Open(db).Where(s => s.PersonId == personId && s.Id != except).Select(s => s.Id).ToListAsync(ct);
        return await EndAsync(db, [.. ids.Select(s => (s, personId))], reason, ct);
    }

    /// <summary>
    /// Ends the sessions still open of accounts that were disabled (the directory sync's departures).
    /// </summary>
    public async Task<int> EndOfDisabledAccountsAsync(CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var open = await Open(db)
            .Where(s => db.Users.Any(p => p.Id == s.PersonId && p.DisabledAt != null))
            .Select(s => new { s.Id, s.PersonId })
            .ToListAsync(ct);
        return await EndAsync(db, [.. open.Select(s => (s.Id, s.PersonId))], SessionEnd.AccountDisabled, ct);
    }

    /// <summary>
    /// The person's open sessions, latest first (those older than <see cref="Lifetime"/> have expired).
    /// </summary>
    public async Task<IReadOnlyList<OpenSession>> OpenSessionsAsync(int personId, CancellationToken ct = default)
    {
        var since = _clock.GetUtcNow().UtcDateTime - Lifetime - TouchEvery;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await Open(db)
            .Where(s => s.PersonId == personId && s.LastSeenAt > since)
            .OrderByDescending(s => s.StartedAt)
            .Select(s => new OpenSession(s.Id, s.StartedAt, s.LastSeenAt, s.ClientAddress, s.UserAgent, s.SecondFactor))
            .ToListAsync(ct);
    }

    private async Task<int> EndAsync(
        EnoeDbContext db,
        IReadOnlyList<(Guid Id, int PersonId)> sessions,
        SessionEnd reason,
        CancellationToken ct
    )
    {
        if (sessions.Count == 0)
            return 0;
        var now = _clock.GetUtcNow().UtcDateTime;
        var ids = sessions.Select(s => s.Id).ToList();
        var ended = 0;
        foreach (var chunk in ids.Chunk(500))
            ended += await Open(db)
                .Where(s => chunk.Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), ct);
        foreach (var person in sessions.GroupBy(s => s.PersonId))
        {
            var change = new SessionsEnded(person.Key, [.. person.Select(s => s.Id)]);
            // Here at once (the bus delivers later): the next request with an ended cookie is refused.
            await ForgetAsync(change);
            await _events.PublishAsync(change);
        }
        return ended;
    }

    private Task ForgetAsync(SessionsEnded ended)
    {
        Interlocked.Increment(ref _changes);
        foreach (var id in ended.SessionIds)
            _checks.Set(id, Closed, CheckCache);
        return Task.CompletedTask;
    }

    private static IQueryable<SignInSession> Open(EnoeDbContext db) =>
        db.Set<SignInSession>().Where(s => s.EndedAt == null);

    private static string? Cut(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..length];

    public void Dispose()
    {
        _subscription.Dispose();
        _checks.Dispose();
    }
}
