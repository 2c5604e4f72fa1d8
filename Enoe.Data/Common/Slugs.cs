using System.Text;

namespace Enoe.Data.Common;

/// <summary>Turns titles and names into URL segments and identifiers: "Fête du collège" → "fete-du-college".</summary>
public static class Slugs
{
    public static string From(string text, char separator = '-', int maxLength = 80)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSeparator = false;
        foreach (var c in TextSearch.Fold(text)) // lower case, no accents, œ → oe
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSeparator && sb.Length > 0)
                    sb.Append(separator);
                sb.Append(c);
                pendingSeparator = false;
            }
            else
                pendingSeparator = true;
            if (sb.Length >= maxLength)
                break;
        }
        return sb.ToString().TrimEnd(separator);
    }
}
