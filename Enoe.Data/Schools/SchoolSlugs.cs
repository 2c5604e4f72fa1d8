using System.Collections.Frozen;
using Enoe.Data.Common;

namespace Enoe.Data.Schools;

/// <summary>
/// An établissement's public site lives at <c>/{slug}</c>, beside the app's own top-level paths: a slug is lower-case
/// letters, digits and hyphens, and never one of those paths (a test reads every route the app maps and fails when a
/// new top-level segment is missing here).
/// </summary>
public static class SchoolSlugs
{
    public const int MaxLength = 80;

    /// <summary>
    /// The first segments of the app's own addresses: pages, endpoints, sign-in callbacks, static files.
    /// </summary>
    public static readonly FrozenSet<string> Reserved = FrozenSet.ToFrozenSet(
        [
            "absences",
            "academie",
            "acces-refuse",
            "appel",
            "carnet-de-bord",
            "cas",
            "competences",
            "compte",
            "connexion",
            "css",
            "culture",
            "desabonnement",
            "devoirs",
            "diagnostics",
            "documents",
            "emploi-du-temps",
            "erreur",
            "examples",
            "fichiers",
            "fil-actualites",
            "file-d-attente",
            "gestion",
            "health",
            "img",
            "js",
            "memos",
            "metrics",
            "mes-donnees",
            "not-found",
            "notes",
            "oidc",
            "reservations",
            "signin-educonnect",
            "signin-oidc",
            "signout-callback-educonnect",
            "signout-callback-oidc",
            "tableau-de-bord",
            "vie-scolaire",
        ],
        StringComparer.Ordinal
    );

    /// <summary>Lower-case ASCII letters and digits in words joined by single hyphens.</summary>
    public static bool IsWellFormed(string? slug) =>
        slug is { Length: > 0 and <= MaxLength }
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-'
        && slug[^1] != '-'
        && !slug.Contains("--", StringComparison.Ordinal);

    public static bool IsReserved(string slug) => Reserved.Contains(slug);

    /// <summary>
    /// The slug a name gives ("Collège Victor Hugo" → "college-victor-hugo"), followed by -2, -3… until it is neither
    /// reserved nor in <paramref name="taken"/>.
    /// </summary>
    public static string Unique(string name, IReadOnlySet<string> taken)
    {
        var stem = Slugs.From(name, maxLength: MaxLength - 4);
        if (stem.Length == 0)
            stem = "etablissement";
        var slug = stem;
        for (var n = 2; IsReserved(slug) || taken.Contains(slug); n++)
            slug = $"{stem}-{n}";
        return slug;
    }
}
