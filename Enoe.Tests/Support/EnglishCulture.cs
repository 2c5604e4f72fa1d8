using System.Globalization;

namespace Enoe.Tests.Support;

/// <summary>
/// <c>using var _ = EnglishCulture.Use();</c>: the rest of the test reads and writes English (texts
/// and numbers), as for a person who chose English; French comes back when it is disposed.
/// </summary>
public sealed class EnglishCulture : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture,
        _uiCulture = CultureInfo.CurrentUICulture;

    private EnglishCulture() =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public static EnglishCulture Use() => new();

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
