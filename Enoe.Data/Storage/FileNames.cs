namespace Enoe.Data.Storage;

/// <summary>What a user may call a file: shown and used for downloads, never as a path on disk.</summary>
public static class FileNames
{
    public const int MaxLength = 200;
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>Text made safe to name a file or zip entry (a student's name, a devoir's title): forbidden characters become "_".</summary>
    public static string Safe(string text) => string.Concat(text.Select(ch => char.IsControl(ch) || Forbidden.Contains(ch) ? '_' : ch)).Trim();

    /// <summary>A French message saying what is wrong with the name, or null when it is fine.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Le fichier doit avoir un nom.";
        if (name.Length > MaxLength) return $"Le nom du fichier ne doit pas dépasser {MaxLength} caractères.";
        if (name.IndexOfAny(Forbidden) >= 0 || name.Any(char.IsControl))
            return "Le nom du fichier ne doit contenir ni chemin ni caractère spécial (/ \\ : * ? \" < > |).";
        if (name.Trim() is "." or ".." || name.StartsWith('.') || name.EndsWith('.'))
            return "Le nom du fichier ne peut ni commencer ni finir par un point.";
        return null;
    }
}
