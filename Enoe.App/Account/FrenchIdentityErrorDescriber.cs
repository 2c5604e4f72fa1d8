using Microsoft.AspNetCore.Identity;

namespace Enoe.App.Account;

/// <summary>Identity's messages in French, as users read them.</summary>
public sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Le mot de passe actuel est incorrect.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Le mot de passe doit contenir au moins {length} caractères.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une minuscule.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une majuscule.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère spécial.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"L'identifiant « {userName} » est déjà pris.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"L'identifiant « {userName} » contient des caractères non autorisés.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Le compte a été modifié entre-temps ; recommencez.");
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Une erreur est survenue.");
}
