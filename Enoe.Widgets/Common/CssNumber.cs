using System.Globalization;

namespace Enoe.Widgets.Common;

/// <summary>
/// Numbers written into CSS, SVG, JavaScript or a URL: always with a decimal point. The page's own
/// culture (French) writes "25,69", which a browser rejects as a length, silently.
/// </summary>
public static class CssNumber
{
    public static string Of(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>"25.69%".</summary>
    public static string Percent(double value) => Of(value) + "%";
}
