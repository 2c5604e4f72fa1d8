using System.Globalization;

namespace Enoe.Data.Storage;

public static class Sizes
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"1,5 Mo", as French users read sizes.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} o",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", French) + " Ko",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", French) + " Mo",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.##", French) + " Go",
    };
}
