using Enoe.Widgets.Common;

namespace Enoe.Tests.Components;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("<a href=\"#\" onclick=\"steal()\">x</a>", "onclick")]
    [InlineData("[clic](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "alert")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>", "style=")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>", "<form")]
    [InlineData("<svg><script>alert(1)</script></svg>", "alert")]
    public void DangerousMarkup_IsRemoved(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, SafeMarkdown.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Markdown_KeepsItsFormatting()
    {
        var html = SafeMarkdown.ToHtml("## Titre\n\n**gras** et *italique*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] fait");
        Assert.Contains("<h2", html);
        Assert.Contains("<strong>gras</strong>", html);
        Assert.Contains("<em>italique</em>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<li", html);
    }

    [Fact]
    public void ExternalLinks_KeepTheirAddress_AndDoNotHandOverTheOpener()
    {
        var html = SafeMarkdown.ToHtml("[Éduscol](https://eduscol.education.fr)");
        Assert.Contains("href=\"https://eduscol.education.fr\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_RendersNothing(string? markdown) => Assert.Equal("", SafeMarkdown.ToHtml(markdown));
}

public sealed class CssColorTests
{
    [Theory]
    [InlineData("#1e5aa8", "#1e5aa8")]
    [InlineData("#abc", "#abc")]
    [InlineData("#abcd", Enoe.Widgets.Common.CssColor.Default)]
    [InlineData("red; background: url(x)", Enoe.Widgets.Common.CssColor.Default)]
    [InlineData(null, Enoe.Widgets.Common.CssColor.Default)]
    public void OnlyHexColoursReachTheStyleAttribute(string? color, string expected) =>
        Assert.Equal(expected, Enoe.Widgets.Common.CssColor.OrDefault(color));
}
