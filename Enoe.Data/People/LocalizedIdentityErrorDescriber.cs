using Microsoft.AspNetCore.Identity;

namespace Enoe.Data.People;

/// <summary>
/// Identity's messages (password rules, taken identifiants...) in the reader's language, read when the error happens.
/// </summary>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => E(nameof(DefaultError), PeopleMessages.Identity_DefaultError);

    public override IdentityError ConcurrencyFailure() =>
        E(nameof(ConcurrencyFailure), PeopleMessages.Identity_ConcurrencyFailure);

    public override IdentityError PasswordMismatch() =>
        E(nameof(PasswordMismatch), PeopleMessages.Identity_PasswordMismatch);

    public override IdentityError InvalidToken() => E(nameof(InvalidToken), PeopleMessages.Identity_InvalidToken);

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        E(nameof(RecoveryCodeRedemptionFailed), PeopleMessages.Identity_RecoveryCodeRedemptionFailed);

    public override IdentityError LoginAlreadyAssociated() =>
        E(nameof(LoginAlreadyAssociated), PeopleMessages.Identity_LoginAlreadyAssociated);

    public override IdentityError InvalidUserName(string? userName) =>
        E(nameof(InvalidUserName), PeopleMessages.FormatIdentity_InvalidUserName(userName));

    public override IdentityError InvalidEmail(string? email) =>
        E(nameof(InvalidEmail), PeopleMessages.FormatIdentity_InvalidEmail(email));

    public override IdentityError DuplicateUserName(string userName) =>
        E(nameof(DuplicateUserName), PeopleMessages.FormatIdentity_DuplicateUserName(userName));

    public override IdentityError DuplicateEmail(string email) =>
        E(nameof(DuplicateEmail), PeopleMessages.FormatIdentity_DuplicateEmail(email));

    public override IdentityError UserAlreadyHasPassword() =>
        E(nameof(UserAlreadyHasPassword), PeopleMessages.Identity_UserAlreadyHasPassword);

    public override IdentityError UserLockoutNotEnabled() =>
        E(nameof(UserLockoutNotEnabled), PeopleMessages.Identity_UserLockoutNotEnabled);

    public override IdentityError PasswordTooShort(int length) =>
        E(nameof(PasswordTooShort), PeopleMessages.FormatIdentity_PasswordTooShort(length));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        E(nameof(PasswordRequiresUniqueChars), PeopleMessages.FormatIdentity_PasswordRequiresUniqueChars(uniqueChars));

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        E(nameof(PasswordRequiresNonAlphanumeric), PeopleMessages.Identity_PasswordRequiresNonAlphanumeric);

    public override IdentityError PasswordRequiresDigit() =>
        E(nameof(PasswordRequiresDigit), PeopleMessages.Identity_PasswordRequiresDigit);

    public override IdentityError PasswordRequiresLower() =>
        E(nameof(PasswordRequiresLower), PeopleMessages.Identity_PasswordRequiresLower);

    public override IdentityError PasswordRequiresUpper() =>
        E(nameof(PasswordRequiresUpper), PeopleMessages.Identity_PasswordRequiresUpper);
}
