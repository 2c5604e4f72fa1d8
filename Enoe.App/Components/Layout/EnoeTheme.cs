using System.Collections.Concurrent;
using MudBlazor;

namespace Enoe.App.Components.Layout;

/// <summary>The MudBlazor theme, in the colour of the person's établissement.</summary>
public static class EnoeTheme
{
    /// <summary>
    /// More colours than an académie's établissements have: past it (colours changed again and again), a theme is built
    /// for its page and not kept.
    /// </summary>
    internal const int KeptColours = 1_000;

    // One theme per colour, built once: a theme parses its palettes' sixty-odd colours when built, 6 % of what a
    // dashboard's page allocated when each page built its own. Pages only read a theme (MudThemeProvider writes its
    // CSS variables from it), so one instance serves every page of that colour.
    private static readonly ConcurrentDictionary<string, MudTheme> Themes = new(StringComparer.OrdinalIgnoreCase);

    public static MudTheme For(string? primaryColor)
    {
        var primary = Enoe.Widgets.Common.CssColor.OrDefault(primaryColor);
        if (Themes.TryGetValue(primary, out var kept))
            return kept;
        return Themes.Count < KeptColours ? Themes.GetOrAdd(primary, Build) : Build(primary);
    }

    private static MudTheme Build(string primary) =>
        new()
        {
            PaletteLight = new PaletteLight { Primary = primary, AppbarBackground = primary },
            Typography = new Typography
            {
                Default = new DefaultTypography
                {
                    FontFamily = ["Marianne", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
                },
            },
        };
}
