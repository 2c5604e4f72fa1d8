namespace Enoe.Data.Storage;

/// <summary>What a user may call a file: shown and used for downloads, never as a path on disk.</summary>
public static class FileNames
{
    public const int MaxLength = 200;
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>
    /// Text made safe to name a file or zip entry (a student's name, a devoir's title): forbidden characters become
    /// "_".
    /// </summary>
    public static string Safe(string text) =>
        string.Concat(text.Select(ch => char.IsControl(ch) || Forbidden.Contains(ch) ? '_' : ch)).Trim();

    /// <summary>
    /// A stored name as a zip entry, unique among <paramref name="used"/> (case-insensitive there): made safe first
    /// (no "/" or "\\", never a name of dots only), then numbered, so no number is built from a raw name.
    /// </summary>
    public static string UniqueEntry(string stored, ISet<string> used)
    {
        var safe = Safe(stored);
        if (safe.All(c => c == '.'))
            safe = $"_{safe}";
        var entry = safe;
        for (var n = 2; !used.Add(entry); n++)
            entry = $"{Path.GetFileNameWithoutExtension(safe)} ({n}){Path.GetExtension(safe)}";
        return entry;
    }

    /// <summary>
    /// A message (in the reader's language) saying what is wrong with the name, or null when it is fine.
    /// </summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return StorageMessages.Name_Missing;
        if (name.Length > MaxLength)
            return StorageMessages.FormatName_TooLong(MaxLength);
        if (name.IndexOfAny(Forbidden) >= 0 || name.Any(char.IsControl))
            return StorageMessages.Name_Forbidden;
        if (name.Trim() is "." or ".." || name.StartsWith('.') || name.EndsWith('.'))
            return StorageMessages.Name_Dot;
        return null;
    }
}
