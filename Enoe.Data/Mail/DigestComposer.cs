using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Enoe.Data.Notifications;

namespace Enoe.Data.Mail;

/// <summary>
/// One person's e-mail from their pending notifications: one section per child (or "for you"), headed by the child and
/// class with the counts ("Emma (2nde A) : 3 devoirs, 2 notes"), then one line per category with its titles, never a
/// line per event. Plain text and HTML; every title people wrote is HTML-encoded.
/// </summary>
public sealed class DigestComposer(MailOptions options, UnsubscribeLinks unsubscribe)
{
    /// <summary>Titles named on a category's line; the rest are counted.</summary>
    public const int TitlesPerLine = 4;

    public QueuedMail Compose(
        DigestRecipient to,
        IReadOnlyList<PendingNotification> items,
        IReadOnlyDictionary<int, string> childLabels,
        string subject,
        string? digestKey
    )
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body style=\"font-family:sans-serif\">");
        Line(text, html, MailMessages.FormatDigest_Hello(to.FirstName), "p");
        Line(text, html, MailMessages.Digest_Intro, "p");
        var sections = items
            .GroupBy(i => i.ChildId)
            .OrderBy(g => g.Key is null)
            .ThenBy(g => g.Key is int c ? childLabels.GetValueOrDefault(c, "") : "", StringComparer.CurrentCulture);
        foreach (var section in sections)
        {
            var byCategory = section.GroupBy(i => NotificationKinds.CategoryOf(i.Kind)).OrderBy(g => g.Key).ToList();
            var label = section.Key is int child
                ? childLabels.GetValueOrDefault(child, "")
                : MailMessages.Section_Yours;
            var counts = string.Join(", ", byCategory.Select(g => DigestText.Count(g.Key, g.Count())));
            text.AppendLine().Append(label).Append(" : ").AppendLine(counts);
            html.Append("<h2 style=\"font-size:1.1em\">")
                .Append(Encode(label))
                .Append(" : ")
                .Append(Encode(counts))
                .Append("</h2><ul>");
            foreach (var category in byCategory)
                CategoryLine(text, html, category.Key, [.. category.OrderByDescending(i => i.VisibleAt)]);
            html.Append("</ul>");
        }
        var home = options.Link("/");
        var preferences = options.Link(PreferencesPath);
        var categories = items.Select(i => NotificationKinds.CategoryOf(i.Kind)).Distinct().Order().ToList();
        text.AppendLine().Append(MailMessages.Open).Append(" : ").AppendLine(home);
        text.Append(MailMessages.Footer_Preferences).Append(" : ").AppendLine(preferences);
        html.Append($"<p><a href=\"{Encode(home)}\">{Encode(MailMessages.Open)}</a></p><hr>")
            .Append($"<p style=\"font-size:.85em\"><a href=\"{Encode(preferences)}\">")
            .Append(Encode(MailMessages.Footer_Preferences))
            .Append("</a><br>")
            .Append(Encode(MailMessages.Footer_Unsubscribe))
            .Append(" : ");
        text.Append(MailMessages.Footer_Unsubscribe).AppendLine(" :");
        foreach (var category in categories)
        {
            var url = unsubscribe.Url(to.Id, [category]);
            text.Append("- ").Append(DigestText.Name(category)).Append(" : ").AppendLine(url);
            html.Append($"<a href=\"{Encode(url)}\">{Encode(DigestText.Name(category))}</a> ");
        }
        html.Append("</p></body></html>");
        return new(
            to.Id,
            to.Email,
            subject,
            text.ToString(),
            html.ToString(),
            unsubscribe.Url(to.Id, categories),
            digestKey
        );
    }

    /// <summary>The person's preferences page, where e-mails lead.</summary>
    public const string PreferencesPath = "/compte/notifications";

    private void CategoryLine(
        StringBuilder text,
        StringBuilder html,
        NotificationCategory category,
        IReadOnlyList<PendingNotification> items
    )
    {
        var shown = items.Take(TitlesPerLine).ToList();
        var more = items.Count - shown.Count;
        text.Append("- ").Append(DigestText.Name(category)).Append(" : ");
        text.AppendJoin(" ; ", shown.Select(i => i.Title));
        html.Append("<li>").Append(Encode(DigestText.Name(category))).Append(" : ");
        html.AppendJoin(" ; ", shown.Select(i => $"<a href=\"{Encode(options.Link(i.Link))}\">{Encode(i.Title)}</a>"));
        if (more > 0)
        {
            text.Append(' ').Append(MailMessages.FormatMore(more));
            html.Append(' ').Append(Encode(MailMessages.FormatMore(more)));
        }
        text.AppendLine();
        html.Append("</li>");
    }

    private static void Line(StringBuilder text, StringBuilder html, string line, string tag)
    {
        text.AppendLine(line);
        html.Append('<').Append(tag).Append('>').Append(Encode(line)).Append("</").Append(tag).Append('>');
    }

    /// <summary>Markup characters escaped, accented letters left as they are (readable in the source too).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string s) => Encoder.Encode(s);
}

public sealed record DigestRecipient(int Id, string FirstName, string Email);

public sealed record PendingNotification(
    long Id,
    int RecipientId,
    int SchoolId,
    int? ChildId,
    NotificationKind Kind,
    string Title,
    string Link,
    DateTime VisibleAt
);
