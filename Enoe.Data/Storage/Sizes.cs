using System.Globalization;

namespace Enoe.Data.Storage;

public static class Sizes
{
    /// <summary>A size as the reader writes it: "1,5 Mo" in French, "1.5 MB" in English.</summary>
    public static string Format(long bytes) =>
        bytes switch
        {
            < 1024 => $"{bytes.ToString(CultureInfo.CurrentCulture)} {StorageMessages.Unit_Bytes}",
            < 1024 * 1024 =>
                $"{(bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)} {StorageMessages.Unit_KB}",
            < 1024L * 1024 * 1024 =>
                $"{(bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.CurrentCulture)} {StorageMessages.Unit_MB}",
            _ => $"{(bytes / (1024.0 * 1024 * 1024)).ToString("0.##", CultureInfo.CurrentCulture)} "
                + $"{StorageMessages.Unit_GB}",
        };
}
