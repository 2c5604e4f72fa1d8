using System.Data.Common;
using System.Security.Cryptography;
using Enoe.Data;
using Enoe.Data.SingleSignOn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// The OpenID Connect provider's keys, in the database (<see cref="OidcKey"/>): the first instance to need them makes
/// them, every instance and every restart reads the same ones. The key in force comes first (OpenIddict signs and
/// encrypts with it); the others stay published in the JWKS and readable: the next generation, announced before it
/// is used, and the previous one, for the tokens it made. <c>--oidc-rollover</c> (<see cref="RolloverAsync"/>) makes
/// the next generation; the README says how to roll keys over.
/// </summary>
internal sealed class OidcKeyRing(
    IDbContextFactory<EnoeDbContext> dbFactory,
    IDataProtectionProvider protection,
    TimeProvider clock,
    IOptionsMonitorCache<OpenIddictServerOptions> optionsCache,
    IHostApplicationLifetime lifetime,
    ILogger<OidcKeyRing> logger
)
{
    private int _retrying;

    /// <summary>The retries in progress, if any: they end when the keys' table answers or the host stops.</summary>
    internal Task Retrying { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// True while OpenIddict runs on stand-in keys: the database could not be read when it first needed its options
    /// (an instance started before <c>--migrate</c>, the database down a moment). The provider's endpoints then
    /// answer 503; as soon as the database answers, the options are dropped and built again from it.
    /// </summary>
    public bool Provisional { get; private set; }

    public const string RolloverArgument = "--oidc-rollover";

    /// <summary>How long a new key is published before it signs: resources refresh their copy of the JWKS.</summary>
    public static readonly TimeSpan Announced = TimeSpan.FromDays(2);

    private const string Purpose = "Enoe.Oidc.Keys";

    /// <summary>
    /// How far after this instance's now another's first key may start and still be taken as in force (the other
    /// instance read its clock later, or its server's clock is ahead); a rollover's next generation starts days later.
    /// </summary>
    private static readonly TimeSpan ClockGap = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a generation stays readable after its successor takes over: longer than the refresh tokens it
    /// encrypted live (OpenIddict's default, 14 days).
    /// </summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    /// <summary>
    /// Adds the keys to OpenIddict's options, built once per process when the first request comes (every request
    /// passes OpenIddict's handler). Never throws: options that failed to build would fail every request until
    /// restart (the options cache keeps the exception).
    /// </summary>
    public void AddTo(OpenIddictServerOptions options)
    {
        IReadOnlyList<RsaSecurityKey> signing,
            encryption;
        try
        {
            (signing, encryption) = (Load(OidcKeyUse.Signing), Load(OidcKeyUse.Encryption));
            Provisional = false;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "The OpenID Connect keys cannot be read yet: stand-ins until the database answers");
            (signing, encryption) = ([new RsaSecurityKey(RSA.Create(2048))], [new RsaSecurityKey(RSA.Create(2048))]);
            Provisional = true;
            RetryLater();
        }
        foreach (var key in signing)
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        foreach (var key in encryption)
            options.EncryptionCredentials.Add(
                new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512)
            );
    }

    /// <summary>Every 2 seconds until the keys' table answers; then OpenIddict's options are built again.</summary>
    private void RetryLater()
    {
        if (Interlocked.Exchange(ref _retrying, 1) == 1)
            return;
        var stopping = lifetime.ApplicationStopping;
        Retrying = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), stopping);
                    try
                    {
                        await using var db = await dbFactory.CreateDbContextAsync(stopping);
                        _ = await db.Set<OidcKey>().AnyAsync(stopping);
                        break;
                    }
                    catch (Exception e) when (e is DbException or InvalidOperationException) { }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return; // the host stops: nothing to build the options for
            }
            Interlocked.Exchange(ref _retrying, 0);
            optionsCache.TryRemove(Options.DefaultName);
        });
    }

    /// <summary>
    /// The keys of <paramref name="use"/>, the one in force first; made when there is none, or none this instance
    /// can read (Data Protection's keys lost: tokens made before cannot be read anyway).
    /// </summary>
    internal IReadOnlyList<RsaSecurityKey> Load(OidcKeyUse use)
    {
        // Synchronous on purpose: OpenIddict builds its options synchronously, once, on the first request it serves.
        using var db = dbFactory.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = Readable(db, use, out var last);
        var made = 0;
        if (!keys.Any(k => k.Row.ActiveFrom <= now))
        {
            // The generation after the last one read with the keys, not after one read since: an instance that made
            // the first keys meanwhile makes this one's insert collide, and this one then reads theirs.
            made = Add(db, use, last, now);
            keys = Readable(db, use, out _);
        }
        // Theirs is in force from their own now, which may be a little after this one's (read later, or another
        // server's clock): not yet in force here, it would leave this instance on stand-in keys, answering 503.
        var inForce = keys.Where(k =>
                k.Row.ActiveFrom <= now || (k.Row.Generation == made && k.Row.ActiveFrom <= now + ClockGap)
            )
            .MaxBy(k => k.Row.Generation)!;
        return [inForce.Key, .. keys.Where(k => k != inForce).Select(k => k.Key)];
    }

    /// <summary>
    /// Makes the next generation of both keys, in force in <see cref="Announced"/>, and deletes the generations
    /// before the one in force (its tokens have expired long since). Each instance reads the new keys at its next
    /// start: restart them all within <see cref="Announced"/>.
    /// </summary>
    public async Task<int> RolloverAsync(TextWriter output)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var use in new[] { OidcKeyUse.Signing, OidcKeyUse.Encryption })
        {
            var rows = await db.Set<OidcKey>().Where(k => k.Use == use).ToListAsync();
            var inForce = rows.Where(k => k.ActiveFrom <= now).Select(k => k.Generation).DefaultIfEmpty(0).Max();
            // A generation goes once its successor has been in force longer than any token it made can live.
            var retired = rows.Where(k =>
                    k.Generation < inForce
                    && rows.Any(n => n.Generation == k.Generation + 1 && n.ActiveFrom <= now - Kept)
                )
                .ToList();
            db.RemoveRange(retired);
            await db.SaveChangesAsync();
            var next = Add(db, use, rows.Select(k => k.Generation).DefaultIfEmpty(0).Max(), now + Announced);
            await output.WriteLineAsync(
                $"{use}: génération {next} publiée, en service à partir du {now + Announced:u} ; "
                    + $"{retired.Count} ancienne(s) retirée(s)."
            );
        }
        return 0;
    }

    /// <summary>
    /// The keys of <paramref name="use"/> this instance can read, and the last generation, read or not.
    /// </summary>
    private List<(OidcKey Row, RsaSecurityKey Key)> Readable(EnoeDbContext db, OidcKeyUse use, out int last)
    {
        var list = new List<(OidcKey, RsaSecurityKey)>();
        var rows = db.Set<OidcKey>().AsNoTracking().Where(k => k.Use == use).ToList();
        last = rows.Select(k => k.Generation).DefaultIfEmpty(0).Max();
        foreach (var row in rows)
            try
            {
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(Protector.Unprotect(Convert.FromBase64String(row.ProtectedKey)), out _);
                var key = new RsaSecurityKey(rsa);
                key.KeyId = $"{row.Generation}-{Base64UrlEncoder.Encode(key.ComputeJwkThumbprint())[..16]}";
                list.Add((row, key));
            }
            catch (CryptographicException e)
            {
                logger.LogWarning(e, "OpenID Connect key {Use} #{Generation} is unreadable here", use, row.Generation);
            }
        return list;
    }

    /// <summary>The generation after <paramref name="last"/>; when another instance made it first, theirs.</summary>
    private int Add(EnoeDbContext db, OidcKeyUse use, int last, DateTime activeFrom)
    {
        using var rsa = RSA.Create(2048);
        db.Add(
            new OidcKey
            {
                Use = use,
                Generation = last + 1,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                ActiveFrom = activeFrom,
                ProtectedKey = Convert.ToBase64String(Protector.Protect(rsa.ExportPkcs8PrivateKey())),
            }
        );
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException) // the same generation, written by another instance a moment before
        {
            db.ChangeTracker.Clear();
        }
        return last + 1;
    }

    private IDataProtector Protector => protection.CreateProtector(Purpose);
}
