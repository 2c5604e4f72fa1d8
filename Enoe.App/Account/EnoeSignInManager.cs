using Enoe.Data.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Enoe.App.Account;

/// <summary>
/// Identity's sign-in manager, with failures that all cost one password hash: an unknown identifiant, a locked or a
/// disabled account are refused before any password check, which answered in a millisecond where a real account's
/// wrong password took the hash's 45 ms, and told which accounts exist.
/// </summary>
internal sealed class EnoeSignInManager(
    UserManager<Person> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<Person> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<Person>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Person> confirmation
) : SignInManager<Person>(users, http, claims, options, logger, schemes, confirmation)
{
    private static readonly Person Nobody = new() { FirstName = "", LastName = "" };
    private static string? _dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(
        string userName,
        string password,
        bool isPersistent,
        bool lockoutOnFailure
    )
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null)
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        HashForNothing(password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(
        Person user,
        string password,
        bool lockoutOnFailure
    )
    {
        if (!await CanSignInAsync(user) || await IsLockedOut(user))
            HashForNothing(password); // refused below without looking at the password
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private void HashForNothing(string? password)
    {
        var hasher = UserManager.PasswordHasher;
        var hash = _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, hash, password ?? "");
    }
}
