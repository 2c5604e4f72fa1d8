using System.Text.RegularExpressions;

namespace Enoe.Widgets.Common;

/// <summary>An établissement's colour goes into CSS: only <c>#rgb</c> or <c>#rrggbb</c> get through.</summary>
public static partial class CssColor
{
    public const string Default = "#1e5aa8";

    public static string OrDefault(string? color) => color is not null && HexColor().IsMatch(color) ? color : Default;

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();
}
