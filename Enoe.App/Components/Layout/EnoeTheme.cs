using MudBlazor;

namespace Enoe.App.Components.Layout;

/// <summary>The MudBlazor theme, in the colour of the person's établissement.</summary>
public static class EnoeTheme
{
    public static MudTheme For(string? primaryColor)
    {
        var primary = primaryColor is { } c && System.Text.RegularExpressions.Regex.IsMatch(c, "^#[0-9a-fA-F]{3,6}$") ? c : "#1e5aa8";
        return new MudTheme
        {
            PaletteLight = new PaletteLight { Primary = primary, AppbarBackground = primary },
            Typography = new Typography { Default = new DefaultTypography { FontFamily = ["Marianne", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] } },
        };
    }
}
