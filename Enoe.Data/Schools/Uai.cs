namespace Enoe.Data.Schools;

/// <summary>
/// UAI (ex-RNE) codes: seven digits (département first) and a check letter, the remainder of the
/// number divided by 23 taken in an alphabet without I, O and Q.
/// </summary>
public static class Uai
{
    private const string KeyAlphabet = "ABCDEFGHJKLMNPRSTUVWXYZ";

    public static char CheckLetter(string sevenDigits)
    {
        if (sevenDigits.Length != 7 || !sevenDigits.All(char.IsAsciiDigit))
            throw new ArgumentException("A UAI code starts with seven digits.", nameof(sevenDigits));
        return KeyAlphabet[(int)(long.Parse(sevenDigits) % 23)];
    }

    public static string Create(string sevenDigits) => sevenDigits + CheckLetter(sevenDigits);

    public static bool IsValid(string? code) =>
        code is { Length: 8 }
        && code[..7].All(char.IsAsciiDigit)
        && char.ToUpperInvariant(code[7]) == CheckLetter(code[..7]);
}
