using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Enoe.App.Hosting;

/// <summary>
/// The sign-in limits per minute: per account (identifiant or second-factor account) and per address.
/// </summary>
public sealed record SignInLimits(int PerIdentifiant, int PerAddress);

/// <summary>
/// The sign-in counts every instance shares when Redis is configured, so that adding instances does not multiply the
/// attempts allowed: one fixed one-minute window per counted key, incremented in Redis by one script (the window
/// starts at its first attempt and expires with it). The process's own limiter still runs behind it: when Redis does
/// not answer, sign-in goes on, counted by each instance alone, and a warning says so.
/// </summary>
public sealed class SharedSignInCounts(
    SignInLimits limits,
    IConfiguration configuration,
    ILogger<SharedSignInCounts> logger,
    IConnectionMultiplexer? redis = null
)
{
    /// <summary>Every key counted once; the window's expiry set by the attempt that opened it.</summary>
    private const string CountScript = """
        local counts = {}
        for i, key in ipairs(KEYS) do
          local count = redis.call('INCRBY', key, 1)
          if count == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
          counts[i] = count
        end
        return counts
        """;

    /// <summary>Longer than Redis on the same network ever takes: past it, the attempt is counted locally.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly string _prefix = configuration.RedisPrefix() + "signin:";
    private int _degraded;

    /// <summary>
    /// Counts a sign-in post by its address and, if any, the account it tries: false once either is over its limit
    /// across all instances. True without Redis, or when Redis does not answer (the local limiter decides then).
    /// </summary>
    public async ValueTask<bool> AllowsAsync(string? address, string? account, CancellationToken aborted)
    {
        if (redis is null)
            return true;
        if (!redis.IsConnected) // a command would wait in the backlog for the reconnection: no sign-in waits for it
            return Degraded(null);
        RedisKey[] keys = account is null ? [Key("a|" + address)] : [Key("a|" + address), Key(account)];
        try
        {
            var counts = (long[])
                (
                    await redis
                        .GetDatabase()
                        .ScriptEvaluateAsync(CountScript, keys, [(long)Window.TotalMilliseconds])
                        .WaitAsync(Patience, aborted)
                )!;
            Recovered();
            return counts[0] <= limits.PerAddress && (counts.Length == 1 || counts[1] <= limits.PerIdentifiant);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return Degraded(e);
        }
    }

    /// <summary>Identifiants and addresses are not written to Redis: a hash of them is enough to count.</summary>
    private RedisKey Key(string counted) =>
        _prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(counted)), 0, 16);

    private bool Degraded(Exception? e)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
            logger.LogWarning(e, "Redis does not answer: sign-in attempts are counted by this instance alone.");
        return true;
    }

    private void Recovered()
    {
        if (Interlocked.Exchange(ref _degraded, 0) == 1)
            logger.LogInformation("Redis answers again: sign-in attempts are counted across instances.");
    }
}
