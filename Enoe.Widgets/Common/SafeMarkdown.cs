using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Common;

/// <summary>
/// The only way user-written text becomes markup: Markdown rendered by Markdig, then cleaned by
/// HtmlSanitizer (no script, no event handler, no <c>javascript:</c> link, no inline style).
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseAutoLinks().UseTaskLists().UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    public static MarkupString Render(string? markdown) => new(ToHtml(markdown));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        // Links leave the ENT without handing it the opener.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement a && a.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
                a.SetAttribute("rel", "noopener noreferrer nofollow");
        };
        return sanitizer;
    }
}
