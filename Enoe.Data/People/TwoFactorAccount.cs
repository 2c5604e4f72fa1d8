using System.Text;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

/// <summary>
/// What the enrolment page shows before a code is confirmed: the key to type and the address to scan.
/// </summary>
public sealed record TwoFactorSetup(string Key, string KeyInGroups, string OtpAuthUri);

/// <summary>Where a person stands: second factor on or not, whether they must have it, recovery codes left.</summary>
public sealed record TwoFactorState(bool Enabled, bool Required, bool Offered, int RecoveryCodesLeft);

/// <summary>
/// A person's own second factor, with Identity's machinery: the authenticator key and the recovery codes live in the
/// user tokens table (<see cref="TwoFactorRecoveryCodeStore"/> hashes the codes). Scoped to one HTTP request (it uses
/// Identity's UserManager): called from statically rendered pages. Turning it on or off ends the person's other
/// sessions at once (the one that asked, <c>current</c>, goes on); new recovery codes and turning it off ask for a
/// current code first, so a borrowed session alone cannot take the second factor away.
/// </summary>
public sealed class TwoFactorAccount(UserManager<Person> users, EnoeDbContext db, SignInSessions sessions)
{
    public const string Issuer = "ENOE";
    public const int RecoveryCodeCount = 10;

    /// <summary>Where Identity's user store keeps its own tokens (the authenticator key, the recovery codes).</summary>
    internal const string Store = "[AspNetUserStore]";

    public async Task<TwoFactorState> StateAsync(Person person, CancellationToken ct = default) =>
        new(
            await users.GetTwoFactorEnabledAsync(person),
            await db.IsRequiredAsync(person.Id, ct),
            await db.IsOfferedAsync(person.Id, ct),
            await users.CountRecoveryCodesAsync(person)
        );

    /// <summary>
    /// The key to enrol with, made on first use and kept until a code confirms it (reloading the page shows the same
    /// one). Null when the person is not offered a second factor or already has one.
    /// </summary>
    public async Task<TwoFactorSetup?> SetupAsync(Person person, CancellationToken ct = default)
    {
        if (!await db.IsOfferedAsync(person.Id, ct) || await users.GetTwoFactorEnabledAsync(person))
            return null;
        var key = await users.GetAuthenticatorKeyAsync(person);
        for (var attempt = 1; string.IsNullOrEmpty(key); attempt++)
        {
            // Not ResetAuthenticatorKeyAsync: a new security stamp would sign the person out in the middle of
            // enrolling.
            var made = users.GenerateNewAuthenticatorKey();
            if (await StoreKeyAsync(person, made))
                key = made;
            else if (attempt == 3)
                throw new InvalidOperationException($"The authenticator key of {person.Id} could not be stored.");
            else
            {
                // The person's row changed since it was read: another tab of theirs stored its key first (two opened
                // at once: both show that one, the one a code is checked against), or something else changed it (a
                // failed sign-in counted). Both read again.
                db.ChangeTracker.Clear();
                db.Attach(person);
                await db.Entry(person).ReloadAsync(ct);
                key = await users.GetAuthenticatorKeyAsync(person);
            }
        }
        return new TwoFactorSetup(key, InGroups(key), OtpAuthUri(person.UserName ?? "", key));
    }

    /// <summary>False when the person's row or key changed since they were read.</summary>
    private async Task<bool> StoreKeyAsync(Person person, string key)
    {
        try
        {
            // Identity's store answers a concurrency failure when the person's row changed since it was read.
            return (await users.SetAuthenticationTokenAsync(person, Store, "AuthenticatorKey", key)).Succeeded;
        }
        catch (DbUpdateException e) when (Contention.IsDuplicate(e)) // the key stored by another, the row untouched
        {
            return false;
        }
    }

    /// <summary>
    /// Turns the second factor on once the app shows a right code, and gives the recovery codes: shown this once,
    /// kept hashed. The security stamp changes: the caller renews the person's own cookie, other sessions end.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> ConfirmAsync(
        Person person,
        string? code,
        Guid? current,
        CancellationToken ct = default
    )
    {
        if (await SetupAsync(person, ct) is null)
            return Result.Forbidden(PeopleMessages.TwoFactor_NotOffered);
        var digits = Digits(code);
        if (
            digits is null
            || !await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, digits)
        )
            return Result.Invalid([PeopleMessages.TwoFactor_WrongCode]);
        await users.SetTwoFactorEnabledAsync(person, true);
        var codes = await NewCodesAsync(person);
        await sessions.SecondFactorChangedAsync(person.Id, keep: current, ct);
        return Result<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>New recovery codes (the old ones stop working), shown once, for a current code.</summary>
    public async Task<Result<IReadOnlyList<string>>> RegenerateCodesAsync(Person person, string? code)
    {
        if (!await users.GetTwoFactorEnabledAsync(person))
            return Result.Forbidden(PeopleMessages.TwoFactor_NotEnabled);
        if (!await ProvesAsync(person, code))
            return Result.Invalid([PeopleMessages.TwoFactor_CurrentCodeWrong]);
        return Result<IReadOnlyList<string>>.Ok(await NewCodesAsync(person));
    }

    /// <summary>
    /// The person turns their second factor off, for a current code: refused outright to those who must have one.
    /// </summary>
    public async Task<Result> DisableAsync(Person person, string? code, Guid? current, CancellationToken ct = default)
    {
        if (await db.IsRequiredAsync(person.Id, ct))
            return Result.Forbidden(PeopleMessages.TwoFactor_Required);
        if (!await users.GetTwoFactorEnabledAsync(person))
            return Result.Forbidden(PeopleMessages.TwoFactor_NotEnabled);
        if (!await ProvesAsync(person, code))
            return Result.Invalid([PeopleMessages.TwoFactor_CurrentCodeWrong]);
        await TurnOffAsync(users, person);
        await sessions.SecondFactorChangedAsync(person.Id, keep: current, ct);
        return Result.Ok();
    }

    /// <summary>
    /// The person holds the second factor now: the app's current code, or one of their recovery codes (used up). A
    /// wrong one counts toward the lockout, as at sign-in, and a locked account proves nothing.
    /// </summary>
    private async Task<bool> ProvesAsync(Person person, string? code)
    {
        if (await users.IsLockedOutAsync(person))
            return false;
        var proved = Digits(code) is { } digits
            ? await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, digits)
            : RecoveryCode(code) is { Length: > 0 } recovery
                && (await users.RedeemTwoFactorRecoveryCodeAsync(person, recovery)).Succeeded;
        await (proved ? users.ResetAccessFailedCountAsync(person) : users.AccessFailedAsync(person));
        return proved;
    }

    /// <summary>
    /// Second factor off, key and recovery codes forgotten, a new security stamp: no remembered device skips the code
    /// any more (the callers end the sessions).
    /// </summary>
    internal static async Task TurnOffAsync(UserManager<Person> users, Person person)
    {
        await users.SetTwoFactorEnabledAsync(person, false);
        await users.RemoveAuthenticationTokenAsync(person, Store, "AuthenticatorKey");
        await users.RemoveAuthenticationTokenAsync(person, Store, "RecoveryCodes");
        await users.RemoveAuthenticationTokenAsync(person, Store, TwoFactorCodeOnce.LastStep);
        await users.UpdateSecurityStampAsync(person);
    }

    /// <summary>The six digits of a code typed with spaces or a dash ("123 456"), or null when it is not one.</summary>
    public static string? Digits(string? code)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>A recovery code as typed (spaces around, lower case) in the form it was given.</summary>
    public static string RecoveryCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    private async Task<IReadOnlyList<string>> NewCodesAsync(Person person) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(person, RecoveryCodeCount) ?? []];

    /// <summary>"ABCD EFGH …": easier to type from the screen into an app.</summary>
    private static string InGroups(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(i == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return text.ToString();
    }

    /// <summary>The Key Uri Format authenticator apps read from the QR code.</summary>
    private static string OtpAuthUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}"
        + $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
}
