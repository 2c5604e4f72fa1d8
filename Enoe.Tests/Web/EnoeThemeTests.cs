using Enoe.App.Components.Layout;

namespace Enoe.Tests.Web;

/// <summary>A page's theme is built once per établissement colour and shared by every page of that colour.</summary>
public sealed class EnoeThemeTests
{
    [Fact]
    public void OneThemePerColour_InThatColour()
    {
        var hugo = EnoeTheme.For("#7b1fa2");

        Assert.Same(hugo, EnoeTheme.For("#7B1FA2"));
        Assert.Equal("#7b1fa2", hugo.PaletteLight.Primary.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex));
        Assert.NotSame(hugo, EnoeTheme.For("#00695c"));
    }

    [Fact]
    public void AColourThatIsNoColour_GetsTheDefaultTheme()
    {
        Assert.Same(EnoeTheme.For(null), EnoeTheme.For("red; background: url(x)"));
        Assert.Equal(
            Enoe.Widgets.Common.CssColor.Default,
            EnoeTheme.For(null).PaletteLight.Primary.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex)
        );
    }
}
