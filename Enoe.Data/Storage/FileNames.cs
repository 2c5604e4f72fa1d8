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
