using System.Globalization;
using System.Text;

namespace Enoe.Data.Common;

/// <summary>
/// Search that ignores case and accents on every database: "helene" finds "Hélène". The column is folded by
/// the database function <c>enoe_fold</c> (on SQLite, <see cref="Fold"/> itself, registered per connection;
/// on PostgreSQL, <c>lower(unaccent(…))</c> from a migration), the pattern by <see cref="Fold"/>.
/// </summary>
public static class TextSearch
{
    public const string FoldFunction = "enoe_fold";

    /// <summary>The escape character of <see cref="Pattern"/>, for <c>EF.Functions.Like</c>'s third argument.</summary>
    public const string Escape = "\\";

    /// <summary>
    /// A column's text folded by the database, in a query: <c>Like(Folded(p.LastName), pattern, Escape)</c>.
    /// </summary>
    public static string Folded(string text) => throw new InvalidOperationException("Only in database queries.");

    /// <summary>"%term%", folded, with LIKE's wildcards taken literally.</summary>
    public static string Pattern(string term)
    {
        var folded = Fold(term.Trim());
        var sb = new StringBuilder(folded.Length + 2).Append('%');
        foreach (var c in folded)
            sb.Append(c is '%' or '_' or '\\' ? "\\" + c : c.ToString());
        return sb.Append('%').ToString();
    }

    /// <summary>
    /// Lower case without accents, as PostgreSQL's unaccent does it for French: "Œuvre Élan" → "oeuvre elan".
    /// </summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(c);
            sb.Append(
                lower switch
                {
                    'œ' => "oe",
                    'æ' => "ae",
                    'ß' => "ss",
                    _ => lower.ToString(),
                }
            );
        }
        return sb.ToString();
    }
}
