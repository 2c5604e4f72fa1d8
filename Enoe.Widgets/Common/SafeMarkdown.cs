using System.Text;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

namespace Enoe.Widgets.Common;

/// <summary>
/// The only way user-written text becomes markup: Markdown rendered by Markdig, then cleaned by
/// HtmlSanitizer (no script, no event handler, no <c>javascript:</c> link, no inline style, no image loaded from
/// elsewhere: see <see cref="KeepImagesLocal"/>).
/// </summary>
public static partial class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// Texts already made safe, by their Markdown. One carnet entry, article or mémo is shown in every reader's tab,
    /// and in each twice as it opens (the page, then the circuit); Markdig then HtmlSanitizer took about a
    /// millisecond each time, the bulk of a live carnet change reaching a class's open tabs. What comes out depends on
    /// the text alone. Bounded by characters held (about 16 MB), each entry dropped after ten minutes unread.
    /// </summary>
    private static readonly MemoryCache Made = new(new MemoryCacheOptions { SizeLimit = 8_000_000 });

    /// <summary>Longer texts (a rare long article) are made each time rather than crowd the others out.</summary>
    private const int KeptUpTo = 20_000;

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return "";
        if (markdown.Length > KeptUpTo)
            return Make(markdown);
        if (Made.TryGetValue(markdown, out string? made))
            return made!;
        made = Make(markdown);
        Made.Set(
            markdown,
            made,
            new MemoryCacheEntryOptions
            {
                Size = markdown.Length + made.Length,
                SlidingExpiration = TimeSpan.FromMinutes(10),
            }
        );
        return made;
    }

    private static string Make(string markdown) =>
        Sanitizer.Sanitize(ShowUnclosedAsText(Markdown.ToHtml(markdown, Pipeline)));

    public static MarkupString Render(string? markdown) => new(ToHtml(markdown));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
            sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Remove("style");
        // No forms or form fields in a text (a task list's checkbox is an input, and stays).
        foreach (var tag in new[] { "form", "textarea", "select" })
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.PostProcessNode += (_, e) => KeepImagesLocal(e);
        // Links leave the ENT without handing it the opener.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (
                e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement a
                && a.GetAttribute("href") is { } href
                && (
                    href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                )
            )
                a.SetAttribute("rel", "noopener noreferrer nofollow");
        };
        return sanitizer;
    }

    /// <summary>
    /// The HTML parser reads what follows <c>&lt;style&gt;</c>, <c>&lt;script&gt;</c>, <c>&lt;title&gt;</c>,
    /// <c>&lt;textarea&gt;</c> (and a few others, and a comment) as that element's content, up to its
    /// closing tag — or to the end of the text when it never closes, and the sanitizer then removed
    /// the lot: "la balise &lt;style&gt; en HTML. Pour lundi : exercice 4" became "la balise ". Such a
    /// tag, never closed, is shown as the words typed. A closed one is still removed whole, content
    /// included. Markdown's own output never holds these tags (code is escaped): only typed HTML does.
    /// </summary>
    private static string ShowUnclosedAsText(string html)
    {
        var start = SwallowingStart().Match(html);
        if (!start.Success)
            return html;
        var text = new StringBuilder(html.Length + 16);
        var from = 0;
        for (; start.Success; start = SwallowingStart().Match(html, from))
        {
            text.Append(html, from, start.Index - from);
            var end = EndOf(html, start.Groups["name"].Value, start.Index + start.Length);
            if (end < 0)
            {
                text.Append("&lt;");
                from = start.Index + 1;
            }
            else
            {
                text.Append(html, start.Index, end - start.Index);
                from = end;
            }
        }
        return text.Append(html, from, html.Length - from).ToString();
    }

    /// <summary>
    /// Where the element opened by <c>&lt;name</c> (a comment when <paramref name="name"/> is empty) ends, as the
    /// parser sees it; -1 if never.
    /// </summary>
    private static int EndOf(string html, string name, int from)
    {
        if (name.Length == 0)
            return html.IndexOf("-->", from, StringComparison.Ordinal) is var close and >= 0 ? close + 3 : -1;
        if (name.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
            return -1; // nothing ends it
        for (
            var i = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
            i >= 0;
            i = html.IndexOf("</" + name, i + 1, StringComparison.OrdinalIgnoreCase)
        )
        {
            var next = i + 2 + name.Length;
            if (next == html.Length || char.IsWhiteSpace(html[next]) || html[next] is '/' or '>')
                return next;
        }
        return -1;
    }

    [GeneratedRegex(
        @"<(?:(?<name>script|style|title|textarea|select|xmp|iframe|noembed|noframes|noscript|plaintext)"
            + @"(?=[\s/>])|!--)",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex SwallowingStart();
}
