using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Enoe.Widgets.Common;

/// <summary>
/// Images from elsewhere: a remote image loads when the text is read, telling its owner who read what and when.
/// Images the app serves itself (a path such as <c>/fichiers/…</c>) stay; a remote one becomes a plain link
/// ("image : plan (exemple.fr)") the reader may follow; what loads nothing else (a <c>srcset</c>, a
/// <c>background</c>, an input's image) is removed when it points elsewhere.
/// </summary>
public static partial class SafeMarkdown
{
    /// <summary>Attributes that make the browser fetch something as soon as the text is shown.</summary>
    private static readonly string[] LoadingAttributes = ["src", "srcset", "background", "poster", "lowsrc", "dynsrc"];

    private static void KeepImagesLocal(PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element)
            return;
        foreach (var name in LoadingAttributes)
            if (element.GetAttribute(name) is { } value && !(name == "srcset" ? AllOwn(value) : IsOwn(value)))
            {
                if (name == "src" && element.LocalName == "img")
                    e.ReplacementNodes.Add(LinkInstead(e.Document, element, value));
                element.RemoveAttribute(name);
            }
        // An image left with nothing to show (its address removed by the sanitizer or above) keeps its words.
        if (element.LocalName == "img" && element.GetAttribute("src") is null && e.ReplacementNodes.Count == 0)
            e.ReplacementNodes.Add(e.Document.CreateTextNode(element.GetAttribute("alt") ?? ""));
    }

    /// <summary>A link to the image, or only its words when it is not a web address or already inside a link.</summary>
    private static INode LinkInstead(IDocument document, IElement image, string src)
    {
        var alt = image.GetAttribute("alt")?.Trim() ?? "";
        var address = src.Trim();
        if (
            !Uri.TryCreate(address.StartsWith("//") ? "https:" + address : address, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
        )
            return document.CreateTextNode(alt);
        var words =
            alt.Length > 0
                ? MarkdownText.FormatRemoteImage(alt, uri.Host)
                : MarkdownText.FormatRemoteImageNoAlt(uri.Host);
        if (image.Closest("a") is not null)
            return document.CreateTextNode(words);
        var link = document.CreateElement("a");
        link.SetAttribute("href", uri.AbsoluteUri);
        link.SetAttribute("rel", "noopener noreferrer nofollow");
        link.TextContent = words;
        return link;
    }

    /// <summary>
    /// An address on the app itself: a path or a relative address, with no scheme, no host (<c>//host</c>, and
    /// <c>/\host</c> which browsers read the same), no space or control character (browsers drop tabs and line breaks
    /// from addresses: <c>/&#9;/host</c> is <c>//host</c>).
    /// </summary>
    private static bool IsOwn(string url)
    {
        var u = url.Trim();
        return u.Length > 0
            && !u.StartsWith("//", StringComparison.Ordinal)
            && !u.Contains('\\')
            && !u.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            && !Scheme().IsMatch(u);
    }

    /// <summary>Every candidate of a <c>srcset</c> ("a.png 1x, b.png 2x") is the app's own.</summary>
    private static bool AllOwn(string srcset) =>
        srcset
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(candidate => IsOwn(candidate.Split(' ', 2)[0]));

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}
