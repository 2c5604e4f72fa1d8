namespace Enoe.Data.Storage;

/// <summary>
/// The file types ENOE accepts, each recognised by its extension <em>and</em> by the first bytes
/// of its content, so a program renamed <c>devoir.pdf</c> is refused. Content types are ours,
/// never the browser's claim.
/// </summary>
public static class FileTypes
{
    private sealed record FileType(string ContentType, Func<ReadOnlySpan<byte>, bool> Matches);

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif = "GIF8"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Id3 = "ID3"u8.ToArray();
    private static readonly byte[] Ftyp = "ftyp"u8.ToArray();

    /// <summary>Windows and Linux programs: refused whatever their name says.</summary>
    private static readonly byte[][] Executables = ["MZ"u8.ToArray(), [0x7F, 0x45, 0x4C, 0x46]];

    private static bool IsZip(ReadOnlySpan<byte> b) => b.StartsWith(Zip) || b.StartsWith(EmptyZip);

    private static bool IsText(ReadOnlySpan<byte> b) => !b.Contains((byte)0);

    private static readonly Dictionary<string, FileType> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", b => b.StartsWith(Pdf)),
        [".png"] = new("image/png", b => b.StartsWith(Png)),
        [".jpg"] = new("image/jpeg", b => b.StartsWith(Jpeg)),
        [".jpeg"] = new("image/jpeg", b => b.StartsWith(Jpeg)),
        [".gif"] = new("image/gif", b => b.StartsWith(Gif)),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", IsZip),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IsZip),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", IsZip),
        [".odt"] = new("application/vnd.oasis.opendocument.text", IsZip),
        [".ods"] = new("application/vnd.oasis.opendocument.spreadsheet", IsZip),
        [".odp"] = new("application/vnd.oasis.opendocument.presentation", IsZip),
        [".zip"] = new("application/zip", IsZip),
        [".ggb"] = new("application/vnd.geogebra.file", IsZip),
        [".sb3"] = new("application/x-scratch3", IsZip),
        [".doc"] = new("application/msword", b => b.StartsWith(Ole)),
        [".xls"] = new("application/vnd.ms-excel", b => b.StartsWith(Ole)),
        [".ppt"] = new("application/vnd.ms-powerpoint", b => b.StartsWith(Ole)),
        [".mp3"] = new("audio/mpeg", b => b.StartsWith(Id3) || (b.Length > 1 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0)),
        [".mp4"] = new("video/mp4", b => b.Length >= 8 && b[4..8].SequenceEqual(Ftyp)),
        [".m4a"] = new("audio/mp4", b => b.Length >= 8 && b[4..8].SequenceEqual(Ftyp)),
        [".txt"] = new("text/plain; charset=utf-8", IsText),
        [".csv"] = new("text/csv; charset=utf-8", IsText),
        [".md"] = new("text/markdown; charset=utf-8", IsText),
    };

    /// <summary>How many leading bytes the checks read.</summary>
    public const int HeaderLength = 4096;

    /// <summary>For the file picker's <c>accept</c> attribute.</summary>
    public static string Accept { get; } = string.Join(",", ByExtension.Keys);

    public static string Extensions { get; } = string.Join(", ", ByExtension.Keys.Select(e => e.TrimStart('.')));

    public static bool IsAllowedExtension(string fileName) => ByExtension.ContainsKey(Path.GetExtension(fileName));

    /// <summary>The content type to serve, or null when the content does not match the extension.</summary>
    public static string? Recognise(string fileName, ReadOnlySpan<byte> header)
    {
        if (!ByExtension.TryGetValue(Path.GetExtension(fileName), out var type))
            return null;
        foreach (var executable in Executables)
            if (header.StartsWith(executable))
                return null;
        return type.Matches(header) ? type.ContentType : null;
    }
}
