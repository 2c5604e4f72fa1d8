using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Sessions;

/// <summary>
/// What an open tab signed in with: its person, its session (null for a sign-in older than sessions) and the
/// security stamp it carries.
/// </summary>
public sealed record CircuitSignIn(int PersonId, Guid? SessionId, string? SecurityStamp);

public sealed partial class SignInSessions
{
    private const int CheckedTogether = 500;

    /// <summary>
    /// Which of these open tabs' sign-ins still stand: the account exists, is enabled and has the same security stamp
    /// (no new password), and the session is still open. Two reads per <see cref="CheckedTogether"/> sign-ins, however
    /// many tabs an instance holds, instead of two per tab; an open tab counts as activity, so the sessions due are
    /// touched (<see cref="TouchEvery"/>) in one statement.
    /// </summary>
    public async Task<IReadOnlySet<CircuitSignIn>> StandingAsync(
        IReadOnlyCollection<CircuitSignIn> signIns,
        CancellationToken ct = default
    )
    {
        var standing = new HashSet<CircuitSignIn>();
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in signIns.Distinct().Chunk(CheckedTogether))
        {
            var people = chunk.Select(s => s.PersonId).Distinct().ToArray();
            var stamps = await db
                .Users.Where(p => people.Contains(p.Id) && p.DisabledAt == null)
                .Select(p => new { p.Id, p.SecurityStamp })
                .ToDictionaryAsync(p => p.Id, p => p.SecurityStamp, ct);
            var ids = chunk.Select(s => s.SessionId).OfType<Guid>().Distinct().ToArray();
            var sessions = await Open(db)
                .Where(s => ids.Contains(s.Id))
                .Select(s => new
                {
                    s.Id,
                    s.PersonId,
                    s.LastSeenAt,
                })
                .ToDictionaryAsync(s => s.Id, ct);
            standing.UnionWith(
                chunk.Where(s =>
                    stamps.TryGetValue(s.PersonId, out var stamp)
                    && stamp == s.SecurityStamp
                    && (
                        s.SessionId is not Guid id
                        || sessions.TryGetValue(id, out var open) && open.PersonId == s.PersonId
                    )
                )
            );
            var due = sessions.Values.Where(s => now - s.LastSeenAt >= TouchEvery).Select(s => s.Id).ToArray();
            if (due.Length > 0)
                await Open(db)
                    .Where(s => due.Contains(s.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        }
        return standing;
    }
}
