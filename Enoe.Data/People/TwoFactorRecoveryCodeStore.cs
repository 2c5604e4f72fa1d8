using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Enoe.Data.People;

/// <summary>
/// Identity's user store, except for the recovery codes: Identity keeps them as they are shown (one string in the
/// user tokens table), so anyone reading the database could sign in as an admin with them. Here each code is kept
/// as a salted PBKDF2 hash, checked one by one when a code is used (ten codes, a few milliseconds each), and struck
/// off once used.
/// </summary>
public sealed class TwoFactorRecoveryCodeStore(EnoeDbContext db, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<Person, EnoeDbContext, int>(db, describer)
{
    private const string Provider = TwoFactorAccount.Store;
    private const string Name = "RecoveryCodes";
    private const int Iterations = 10_000;

    public override Task ReplaceCodesAsync(Person user, IEnumerable<string> recoveryCodes, CancellationToken ct) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), ct);

    public override async Task<bool> RedeemCodeAsync(Person user, string code, CancellationToken ct)
    {
        var stored = (await GetTokenAsync(user, Provider, Name, ct) ?? "").Split(
            ';',
            StringSplitOptions.RemoveEmptyEntries
        );
        var match = stored.FirstOrDefault(hash => Matches(hash, code));
        if (match is null)
            return false;
        await SetTokenAsync(user, Provider, Name, string.Join(";", stored.Where(h => h != match)), ct);
        return true;
    }

    private static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Convert.ToBase64String(salt)}.{Convert.ToBase64String(Derive(code, salt))}";
    }

    private static bool Matches(string stored, string code)
    {
        var parts = stored.Split('.');
        if (parts.Length != 2)
            return false;
        var salt = Convert.FromBase64String(parts[0]);
        return CryptographicOperations.FixedTimeEquals(Derive(code, salt), Convert.FromBase64String(parts[1]));
    }

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
