using System.Globalization;
using System.Runtime.CompilerServices;

namespace Enoe.Tests.Support;

internal static class TestCulture
{
    /// <summary>
    /// Tests read French, ENOE's first language, whatever the machine's locale: services and
    /// components take their texts from the current UI culture (an en-US machine would read English).
    /// Tests of the English texts set the culture themselves.
    /// </summary>
    [ModuleInitializer]
    internal static void UseFrench()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
    }
}
