using Enoe.Data.Directory;
using Enoe.Data.Directory.Ldap;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enoe.Data.People;

/// <summary>
/// Identity's user manager, with directory accounts (<see cref="Person.IsDirectoryAccount"/>) checked against the
/// académie directory: the sign-in form, the lockout after five failures and the rate limit are the same for every
/// account, since they all go through <see cref="CheckPasswordAsync"/>. A directory account has no password here and
/// never gets one: its password is changed in the directory. With no directory configured, it cannot sign in.
/// </summary>
public sealed class EnoeUserManager(
    IUserStore<Person> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<Person> passwordHasher,
    IEnumerable<IUserValidator<Person>> userValidators,
    IEnumerable<IPasswordValidator<Person>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<Person>> logger,
    IOptions<DirectoryOptions> directory,
    IDirectoryPasswordCheck directoryPasswords
)
    : UserManager<Person>(
        store,
        optionsAccessor,
        passwordHasher,
        userValidators,
        passwordValidators,
        keyNormalizer,
        errors,
        services,
        logger
    )
{
    /// <summary>
    /// ENOE keeps no claims per person in Identity's table: what the cookie carries comes from the memberships
    /// (<see cref="EnoeClaimsPrincipalFactory"/>). Saying so spares every principal built (each sign-in, and the
    /// security stamp's check once a minute per signed-in person) a read of that empty table.
    /// </summary>
    public override bool SupportsUserClaim => false;

    /// <summary>
    /// Throws <see cref="DirectoryUnavailableException"/> when the directory cannot be asked: that is no wrong
    /// password, and must not count toward the lockout.
    /// </summary>
    public override async Task<bool> CheckPasswordAsync(Person user, string password)
    {
        if (!user.IsDirectoryAccount)
            return await base.CheckPasswordAsync(user, password);
        return directory.Value.IsConfigured
            && await directoryPasswords.CheckAsync(
                user.UserName ?? "",
                user.DirectoryKey!,
                password,
                CancellationToken
            );
    }

    public override Task<IdentityResult> ChangePasswordAsync(Person user, string currentPassword, string newPassword) =>
        user.IsDirectoryAccount ? InDirectory() : base.ChangePasswordAsync(user, currentPassword, newPassword);

    public override Task<IdentityResult> AddPasswordAsync(Person user, string password) =>
        user.IsDirectoryAccount ? InDirectory() : base.AddPasswordAsync(user, password);

    public override Task<IdentityResult> ResetPasswordAsync(Person user, string token, string newPassword) =>
        user.IsDirectoryAccount ? InDirectory() : base.ResetPasswordAsync(user, token, newPassword);

    private static Task<IdentityResult> InDirectory() =>
        Task.FromResult(
            IdentityResult.Failed(
                new IdentityError { Code = "PasswordInDirectory", Description = LdapMessages.PasswordInDirectory }
            )
        );
}
