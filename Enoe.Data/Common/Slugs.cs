using System.Globalization;
using System.Text;

namespace Enoe.Data.Common;

/// <summary>Turns titles and names into URL segments and identifiers: "Fête du collège" → "fete-du-college".</summary>
public static class Slugs
{
    public static string From(string text, char separator = '-', int maxLength = 80)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSeparator = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(c);
            var ascii = lower switch
            {
                'œ' => "oe",
                'æ' => "ae",
                _ when char.IsAsciiLetterOrDigit(lower) => lower.ToString(),
                _ => null,
            };
            if (ascii is not null)
            {
                if (pendingSeparator && sb.Length > 0)
                    sb.Append(separator);
                sb.Append(ascii);
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
