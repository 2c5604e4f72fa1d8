using System.Text.RegularExpressions;
using Enoe.Tests.Support;
using Enoe.Widgets.Common;

namespace Enoe.Tests.Components;

/// <summary>
/// A remote image in a mémo, the carnet, a devoir or an article told a third party who read what and when: images
/// the app serves stay, remote ones become links, whatever the way they were written.
/// </summary>
public sealed class SafeMarkdownImageTests
{
    [Theory]
    [InlineData("![plan](/fichiers/12)", "<img src=\"/fichiers/12\" alt=\"plan\">")]
    [InlineData("![plan](fichiers/12.png)", "<img src=\"fichiers/12.png\" alt=\"plan\">")]
    [InlineData("<img src=\"/fichiers/12\" srcset=\"/fichiers/13 2x\" alt=\"a\">", "<img src=\"/fichiers/12\"")]
    public void ImagesTheAppServes_Stay(string markdown, string kept) =>
        Assert.Contains(kept, SafeMarkdown.ToHtml(markdown));

    [Theory]
    [InlineData("![plan du collège](https://tracker.example/p.png?u=42)", "tracker.example", "plan du collège")]
    [InlineData("![plan][ref]\n\n[ref]: http://tracker.example/p.png", "tracker.example", "plan")]
    [InlineData("<img src=\"https://tracker.example/p.png\" alt=\"logo\">", "tracker.example", "logo")]
    [InlineData("<img src=\"//tracker.example/p.png\" alt=\"logo\">", "tracker.example", "logo")]
    [InlineData("<img src=\"HTTPS://Tracker.Example/p.png\">", "tracker.example", "")]
    public void ARemoteImage_BecomesALink_ToItsHost(string markdown, string host, string alt)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("<img", html);
        var words = alt.Length > 0 ? $"image : {alt} ({host})" : $"image ({host})";
        Assert.Matches(
            $"<a href=\"https?://{host}/p.png[^\"]*\" rel=\"noopener noreferrer nofollow\">{Regex.Escape(words)}</a>",
            html
        );
    }

    [Theory]
    [InlineData("<img src=\"/fichiers/1\" srcset=\"https://tracker.example/p.png 2x\" alt=\"a\">")]
    [InlineData("<img srcset=\"https://tracker.example/p.png\" alt=\"a\">")]
    [InlineData("<img src=\"/\\tracker.example/p.png\" alt=\"a\">")]
    [InlineData("<img src=\"/&#9;/tracker.example/p.png\" alt=\"a\">")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"a\">")]
    [InlineData("<input type=\"image\" src=\"https://tracker.example/p.png\">")]
    [InlineData("<table background=\"https://tracker.example/p.png\"><tr><td>x</td></tr></table>")]
    [InlineData("<a href=\"https://ok.example\"><img src=\"https://tracker.example/p.png\" alt=\"a\"></a>")]
    public void NothingLoadsFromElsewhere(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotMatch("(src|srcset|background)=\"[^\"]*tracker", html);
        Assert.DoesNotContain("data:", html);
    }

    [Fact]
    public void AnEnglishReader_ReadsTheLinkInEnglish()
    {
        using var _ = new InEnglish();
        Assert.Contains(
            ">image: map (tracker.example)</a>",
            SafeMarkdown.ToHtml("![map](https://tracker.example/m.png)")
        );
    }
}
