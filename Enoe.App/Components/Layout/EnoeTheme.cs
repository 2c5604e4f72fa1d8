using MudBlazor;

namespace Enoe.App.Components.Layout;

/// <summary>The MudBlazor theme, in the colour of the person's établissement.</summary>
public static class EnoeTheme
{
    public static MudTheme For(string? primaryColor)
    {
        var primary = Enoe.Widgets.Common.CssColor.OrDefault(primaryColor);
        return new MudTheme
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
}
