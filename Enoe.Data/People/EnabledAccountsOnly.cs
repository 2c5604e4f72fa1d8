using Microsoft.AspNetCore.Identity;

namespace Enoe.Data.People;

/// <summary>
/// What Identity asks before any sign-in (password, directory or external): a disabled account (someone who left the
/// directory) cannot sign in, whatever the password. Registered with <c>SignIn.RequireConfirmedAccount</c>.
/// </summary>
public sealed class EnabledAccountsOnly : IUserConfirmation<Person>
{
    public Task<bool> IsConfirmedAsync(UserManager<Person> manager, Person user) => Task.FromResult(!user.IsDisabled);
}
