using System.Globalization;
using System.Text;
using Enoe.Data.Storage;

namespace Enoe.Data.Demo;

/// <summary>
/// The demo's files: small real PDFs (one page of text) and text files, stored the way
/// <see cref="FileStore"/> stores uploads — bytes in the blob store under the file's blob key, never
/// under the file's name, a <see cref="StoredFile"/> row with the content type the store would have
/// recognised — so downloads work through the usual rights checks. Blob ids come from the seeded random.
/// </summary>
internal sealed class DemoFiles(IBlobStore blobs, Random random)
{
    private readonly List<(StoredFile File, byte[] Bytes)> _pending = [];

    /// <summary>A title as a file name: "Rédaction : le conte" → "Rédaction - le conte".</summary>
    internal static string FileName(string title) => FileNames.Safe(title.Replace(" : ", " - ").Replace(": ", " - "));

    /// <summary>A one-page PDF with a title and lines of text.</summary>
    public StoredFile Pdf(
        int schoolId,
        int ownerId,
        string name,
        DateTime createdAt,
        string title,
        params string[] lines
    ) => Add(schoolId, ownerId, name, createdAt, PdfBytes(title, lines));

    public StoredFile Text(int schoolId, int ownerId, string name, DateTime createdAt, string text) =>
        Add(schoolId, ownerId, name, createdAt, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Writes every file's bytes, then its row (inside the seeder's transaction, as the store moves files in
    /// before its commit), and lets EF know the rows exist, for the entities that point to them.
    /// </summary>
    public async Task SaveAsync(EnoeDbContext db, CancellationToken ct)
    {
        foreach (var (file, bytes) in _pending)
            await blobs.WriteAsync(FileStore.BlobKey(file.BlobId), new MemoryStream(bytes, writable: false), ct);
        var files = _pending.Select(p => p.File).ToList();
        await DemoBulk.InsertAsync(db, files, ct);
        db.AttachRange(files);
        _pending.Clear();
    }

    private StoredFile Add(int schoolId, int ownerId, string name, DateTime createdAt, byte[] bytes)
    {
        var id = new byte[16];
        random.NextBytes(id);
        var file = new StoredFile
        {
            BlobId = new Guid(id),
            SchoolId = schoolId,
            OwnerId = ownerId,
            Name = name,
            Length = bytes.Length,
            CreatedAt = createdAt,
            ContentType =
                FileTypes.Recognise(name, bytes)
                ?? throw new InvalidOperationException($"{name}: not a type the store accepts"),
        };
        _pending.Add((file, bytes));
        return file;
    }

    /// <summary>
    /// A minimal PDF 1.4: Helvetica in WinAnsi (Latin-1 covers French), lines wrapped at 90 characters.
    /// </summary>
    internal static byte[] PdfBytes(string title, IEnumerable<string> lines)
    {
        var body = new StringBuilder();
        body.Append("BT /F1 16 Tf 56 780 Td (").Append(Escape(title)).Append(") Tj ET\n");
        body.Append("BT /F2 11 Tf 56 748 Td 15 TL\n");
        foreach (var line in lines.SelectMany(Wrap))
            body.Append('(').Append(Escape(line)).Append(") Tj T*\n");
        body.Append("ET\n");
        var content = Encoding.Latin1.GetBytes(body.ToString());
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> "
                + "/Contents 6 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];
        using var pdf = new MemoryStream();
        void Write(string text) => pdf.Write(Encoding.Latin1.GetBytes(text));
        var offsets = new List<long>();
        Write("%PDF-1.4\n");
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        offsets.Add(pdf.Position);
        Write($"6 0 obj\n<< /Length {content.Length} >>\nstream\n");
        pdf.Write(content);
        Write("endstream\nendobj\n");
        var xref = pdf.Position;
        Write("xref\n0 7\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            Write(offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        Write($"trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static IEnumerable<string> Wrap(string line)
    {
        if (line.Length == 0)
            yield return "";
        while (line.Length > 0)
        {
            var cut =
                line.Length <= 90 ? line.Length
                : line.LastIndexOf(' ', 90) is var space and > 0 ? space
                : 90;
            yield return line[..cut];
            line = line[cut..].TrimStart();
        }
    }

    /// <summary>PDF string syntax, and the few typographic characters Latin-1 lacks.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\")
            .Replace("(", "\\(")
            .Replace(")", "\\)")
            .Replace('’', '\'')
            .Replace("œ", "oe")
            .Replace("Œ", "OE")
            .Replace('–', '-')
            .Replace('…', '.');
}
