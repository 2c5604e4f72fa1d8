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
    [InlineData("<style>body { display: none }</style>", "<style")]
    [InlineData("<textarea>x</textarea>", "<textarea")]
    [InlineData("<select><option>x</option></select>", "<select")]
    [InlineData("<title>x</title>", "<title")]
    public void DangerousMarkup_IsRemoved(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, SafeMarkdown.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A tag named in the text, never closed, used to swallow everything after it (the parser reads
    /// the rest as the element's content, the sanitizer removed it): it is shown as written, and
    /// the text after it stays. Code spans, code blocks and escaped tags were never touched.
    /// </summary>
    [Theory]
    [InlineData(
        "la balise <style> en HTML. Pour lundi : exercice 4",
        "la balise &lt;style&gt; en HTML. Pour lundi : exercice 4"
    )]
    [InlineData(
        "la balise <script> charge du JavaScript. Pour lundi : exercice 4",
        "la balise &lt;script&gt; charge du JavaScript. Pour lundi : exercice 4"
    )]
    [InlineData(
        "un champ <textarea> pour écrire. Pour lundi : exercice 4",
        "un champ &lt;textarea&gt; pour écrire. Pour lundi : exercice 4"
    )]
    [InlineData(
        "la balise <title> donne le titre. Pour lundi : exercice 4",
        "la balise &lt;title&gt; donne le titre. Pour lundi : exercice 4"
    )]
    [InlineData(
        "une liste <select> de choix. Pour lundi : exercice 4",
        "une liste &lt;select&gt; de choix. Pour lundi : exercice 4"
    )]
    [InlineData("<style>\n\nPour lundi : exercice 4", "Pour lundi : exercice 4")]
    [InlineData("<!-- brouillon\n\nPour lundi : exercice 4", "Pour lundi : exercice 4")]
    [InlineData(
        "la balise `<style>` en HTML. Pour lundi : exercice 4",
        "la balise <code>&lt;style&gt;</code> en HTML. Pour lundi : exercice 4"
    )]
    [InlineData(
        "```html\n<style>\np { color: red; }\n</style>\n```\n\nPour lundi : exercice 4",
        "<code>&lt;style&gt;\np { color: red; }\n&lt;/style&gt;"
    )]
    [InlineData("```html\n<style>\n```\n\nPour lundi : exercice 4", "<p>Pour lundi : exercice 4</p>")]
    [InlineData(
        "la balise \\<style> en HTML. Pour lundi : exercice 4",
        "la balise &lt;style&gt; en HTML. Pour lundi : exercice 4"
    )]
    public void TextAfterATagNamedInTheText_IsKept(string markdown, string expected) =>
        Assert.Contains(expected, SafeMarkdown.ToHtml(markdown));

    [Fact]
    public void AClosedScript_IsStillRemovedWhole_AndTheTextAfterItStays()
    {
        var html = SafeMarkdown.ToHtml("Avant <script>alert(1)</script> après <style>p{}</style> et <b>gras</b>");
        Assert.DoesNotContain("alert", html);
        Assert.DoesNotContain("p{}", html);
        Assert.Contains("après", html);
        Assert.Contains("<b>gras</b>", html);
    }

    [Fact]
    public void TheSameText_IsMadeSafeOnce_ALongOneEachTime()
    {
        var text = $"Exercice **{Guid.NewGuid()}** <script>alert(1)</script>";
        var made = SafeMarkdown.ToHtml(text);
        var longText = $"{Guid.NewGuid()} " + new string('a', 20_000);

        Assert.Same(made, SafeMarkdown.ToHtml(text));
        Assert.DoesNotContain("<script", made);
        Assert.NotSame(made, SafeMarkdown.ToHtml(text + "!"));
        Assert.NotSame(SafeMarkdown.ToHtml(longText), SafeMarkdown.ToHtml(longText));
    }

    [Fact]
    public void Markdown_KeepsItsFormatting()
    {
        var html = SafeMarkdown.ToHtml(
            "## Titre\n\n**gras** et *italique*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] fait"
        );
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
