using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Directory;

/// <summary>
/// Reads the SDET values of DIRECTORY.md (<c>National_3</c>, <c>code$niveau</c>, <c>JJ/MM/AAAA</c>...). Each returns
/// null for a value it cannot read: the caller reports the entry, nothing is guessed.
/// </summary>
internal static class DirectorySyncValues
{
    /// <summary>
    /// The national profiles. Direction (<c>National_4</c>) also administers its établissement in ENOE: the principal
    /// and their deputies decide for the school, as the demo's heads do. <c>National_7</c> (académie staff) is staff of
    /// the établissements it is attached to, never an académie admin: those are made by hand.
    /// </summary>
    public static Profile? NationalProfile(string value) =>
        value.Trim().ToUpperInvariant() switch
        {
            "NATIONAL_1" => People.Profile.Student,
            "NATIONAL_2" => People.Profile.Parent,
            "NATIONAL_3" => People.Profile.Teacher,
            "NATIONAL_4" => People.Profile.Staff | People.Profile.SchoolAdmin,
            "NATIONAL_5" or "NATIONAL_6" or "NATIONAL_7" => People.Profile.Staff,
            _ => null,
        };

    /// <summary>
    /// <c>ENTStructureTypeStruct</c>: <c>COLLEGE</c>, <c>LYCEE GENERAL</c>, <c>LYCEE PROFESSIONNEL</c>...
    /// </summary>
    public static SchoolKind? Kind(string? value)
    {
        var folded = Slugs.From(value ?? "", ' ');
        if (folded.StartsWith("college"))
            return SchoolKind.College;
        if (folded.StartsWith("lycee prof") || folded is "lp" || folded.StartsWith("lp "))
            return SchoolKind.LyceeProfessionnel;
        if (folded.StartsWith("lycee") || folded.StartsWith("lgt") || folded.StartsWith("lpo"))
            return SchoolKind.Lycee;
        return null;
    }

    /// <summary>
    /// The level code (<see cref="Structure.Level.Code"/>) of a niveau as directories write it: <c>6EME</c>,
    /// <c>SIXIEME</c>, <c>6e</c>, <c>2NDE</c>, <c>1ERE</c>, <c>TERM</c>... Null for anything else (a BTS, a CAP year):
    /// ENOE has no level for it.
    /// </summary>
    public static string? Level(string? niveau) =>
        Slugs.From(niveau ?? "", ' ') switch
        {
            "6" or "6e" or "6eme" or "sixieme" => "6e",
            "5" or "5e" or "5eme" or "cinquieme" => "5e",
            "4" or "4e" or "4eme" or "quatrieme" => "4e",
            "3" or "3e" or "3eme" or "troisieme" => "3e",
            "2" or "2nde" or "2de" or "seconde" or "2nde generale et technologique" => "2nde",
            "1" or "1re" or "1ere" or "premiere" => "1re",
            "t" or "tle" or "term" or "terminale" => "Tle",
            _ => null,
        };

    /// <summary><c>JJ/MM/AAAA</c>.</summary>
    public static DateOnly? Date(string value) =>
        DateOnly.TryParseExact(value.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>A UAI as written: seven digits and a letter (upper-cased).</summary>
    public static string? UaiCode(string? value)
    {
        var uai = value?.Trim().ToUpperInvariant();
        return uai is { Length: 8 } && uai[..7].All(char.IsAsciiDigit) && char.IsAsciiLetter(uai[7]) ? uai : null;
    }

    /// <summary>
    /// <c>first$second</c> (or <c>first$second$third</c>): the parts, trimmed, when there are exactly
    /// <paramref name="count"/> and none is empty (the last may hold more <c>$</c>: a label).
    /// </summary>
    public static string[]? Parts(string value, int count)
    {
        var parts = value.Split('$', count, StringSplitOptions.TrimEntries);
        return parts.Length == count && parts.All(p => p.Length > 0) ? parts : null;
    }

    /// <summary>A name a person reads: trimmed, within the column's length.</summary>
    public static string? Name(string? value, int max = 100) =>
        value?.Trim() is { Length: > 0 } name && name.Length <= max ? name : null;
}
