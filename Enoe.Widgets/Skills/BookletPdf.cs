using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Skills;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Enoe.Widgets.Skills;

/// <summary>
/// A student's livret de compétences as an A4 PDF, in the reader's language, in Liberation Sans embedded
/// from this assembly (the PDF's built-in Helvetica has no accented letters in PdfPig's encoding). Every
/// page names the student at its foot: a printed page that slips out of the pile still says whose it is.
/// </summary>
public static class BookletPdf
{
    private const double Left = 50,
        Right = 545,
        Top = 800,
        Bottom = 60,
        FooterY = 30;
    private static readonly Lazy<byte[]> RegularFont = new(() => Font("LiberationSans-Regular.ttf"));
    private static readonly Lazy<byte[]> BoldFont = new(() => Font("LiberationSans-Bold.ttf"));

    private static byte[] Font(string name)
    {
        using var stream =
            typeof(BookletPdf).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Font {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The file's name, in the reader's language, with the student's.</summary>
    public static string FileName(Booklet booklet) => BookletPdfText.FormatFileName(booklet.Student) + ".pdf";

    public static byte[] Render(Booklet booklet, DateTime nowUtc)
    {
        var culture = CultureInfo.CurrentCulture;
        string Day(DateTime utc) => SchoolTime.ToLocal(utc).ToString("d MMMM yyyy", culture);
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddTrueTypeFont(RegularFont.Value);
        var bold = builder.AddTrueTypeFont(BoldFont.Value);
        var pages = new List<PdfPageBuilder> { builder.AddPage(PageSize.A4) };
        var y = Top;

        void Line(string text, double size, PdfDocumentBuilder.AddedFont font, double indent = 0)
        {
            // Wrap on words at the page's width (Liberation Sans averages about half an em per character).
            var perLine = (int)((Right - Left - indent) / (size * 0.5));
            foreach (var part in Wrap(text, perLine))
            {
                if (y < Bottom)
                {
                    pages.Add(builder.AddPage(PageSize.A4));
                    y = Top;
                }
                pages[^1].AddText(part, size, new PdfPoint(Left + indent, y), font);
                y -= size * 1.35;
            }
        }

        Line(BookletPdfText.Title, 18, bold);
        Line(
            $"{booklet.Student}{(booklet.ClassName is null ? "" : $" — {booklet.ClassName}")} — {booklet.School}",
            11,
            regular
        );
        Line(BookletPdfText.FormatIssued(Day(nowUtc), booklet.Assessed, booklet.Total), 9, regular);
        y -= 8;
        foreach (var domain in booklet.Domains)
        {
            y -= 4;
            Line($"{domain.Code} — {domain.Name}", 12, bold);
            foreach (var skill in domain.Skills)
            {
                Line($"{skill.Code}  {skill.Name}", 9.5, regular, indent: 10);
                var level = skill.Latest is { } latest
                    ? BookletPdfText.FormatLevelOn(
                        latest.Label(),
                        Day(skill.History[0].AssessedAt),
                        skill.History[0].Teacher
                    )
                    : skill.Latest.Label();
                Line(level, 9.5, bold, indent: 24);
            }
        }
        for (var i = 0; i < pages.Count; i++)
            pages[i]
                .AddText(
                    BookletPdfText.FormatFooter(booklet.Student, i + 1, pages.Count),
                    8,
                    new PdfPoint(Left, FooterY),
                    regular
                );
        return builder.Build();
    }

    private static IEnumerable<string> Wrap(string text, int perLine)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > perLine)
            {
                yield return line;
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0)
            yield return line;
    }
}
