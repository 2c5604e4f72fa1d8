using System.Globalization;

namespace Enoe.Tests.Support;

/// <summary>
/// <c>using var _ = new InEnglish();</c>: the reader's language (and date formats) is English until
/// disposed, then French again (tests run in French, see <see cref="TestCulture"/>).
/// </summary>
public sealed class InEnglish : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture,
        _uiCulture = CultureInfo.CurrentUICulture;

    public InEnglish() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
