using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Enoe.Data.People;

/// <summary><c>Enoe:TwoFactor</c>.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Enoe:TwoFactor";

    /// <summary>
    /// Each app code is accepted once per person (RFC 6238, 5.2). Off only in the tests' shared app, where the demo
    /// people sign in many times a minute with the current code.
    /// </summary>
    public bool OneUsePerCode { get; set; } = true;
}

/// <summary>
/// Identity's authenticator codes, each accepted once: a code of a 30-second step no later than the last one
/// accepted for the person is refused, so a code seen over a shoulder (or sent twice) neither signs in again nor turns
/// the second factor off within its 90 seconds. The last step lives in Identity's user tokens table beside the key (no
/// column of its own); it is saved with the person's concurrency stamp, so of two requests with one code at once one
/// only gets through. Same window and clock as Identity's own provider.
/// </summary>
public sealed class TwoFactorCodeOnce(IOptions<TwoFactorOptions> options) : AuthenticatorTokenProvider<Person>
{
    internal const string LastStep = "LastAuthenticatorStep";
    private const int Window = 2; // steps either side, as Identity

    public override async Task<bool> ValidateAsync(
        string purpose,
        string token,
        UserManager<Person> manager,
        Person user
    )
    {
        if (!options.Value.OneUsePerCode)
            return await base.ValidateAsync(purpose, token, manager, user);
        if (
            await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key
            || !int.TryParse(token, out var code)
            || StepOf(Base32(key), code, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30) is not { } step
        )
            return false;
        var last = await manager.GetAuthenticationTokenAsync(user, TwoFactorAccount.Store, LastStep);
        if (long.TryParse(last, out var used) && step <= used)
            return false;
        return (
            await manager.SetAuthenticationTokenAsync(user, TwoFactorAccount.Store, LastStep, step.ToString())
        ).Succeeded;
    }

    /// <summary>The step within the window whose code this is, or null.</summary>
    private static long? StepOf(byte[]? key, int code, long now)
    {
        if (key is null)
            return null;
        for (var step = now - Window; step <= now + Window; step++)
            if (Code(key, step) == code)
                return step;
        return null;
    }

    /// <summary>RFC 6238's six digits for one step (HMAC-SHA1, dynamic truncation).</summary>
    private static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0xf;
        return (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
    }

    /// <summary>The key's bytes (RFC 4648 base32, as Identity writes it), or null when it is not base32.</summary>
    private static byte[]? Base32(string key)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        var (buffer, bits) = (0, 0);
        foreach (var c in key.TrimEnd('=').ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(c);
            if (value < 0)
                return null;
            (buffer, bits) = ((buffer << 5) | value, bits + 5);
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }
        return [.. bytes];
    }
}
