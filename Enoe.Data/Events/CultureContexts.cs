using System.Collections.Concurrent;
using System.Globalization;

namespace Enoe.Data.Events;

/// <summary>
/// One execution context per pair of cultures, holding those two and nothing else, made once: a handler started in it
/// runs in the culture of the tab that subscribed without setting it. Setting <see cref="CultureInfo.CurrentCulture"/>
/// and <see cref="CultureInfo.CurrentUICulture"/> for each handler made two async-local maps and execution contexts per
/// open tab and event (with the list the widgets' RenderTogether no longer makes, 4 % of what a mémo to
/// 1,000 open tabs allocated; README, circuits bench).
/// </summary>
internal static class CultureContexts
{
    private static readonly ConcurrentDictionary<(CultureInfo, CultureInfo), ExecutionContext> Made = new();

    public static ExecutionContext For(CultureInfo culture, CultureInfo uiCulture) =>
        Made.GetOrAdd((culture, uiCulture), static pair => Capture(pair.Item1, pair.Item2));

    // On a thread of its own started without the caller's context (a request's, a circuit's): what is captured there
    // holds the two cultures alone. A few pairs per process (the interface's French and English, which the request's
    // localization hands out as shared read-only instances; cultures are told apart by name), so a thread each is
    // nothing.
    private static ExecutionContext Capture(CultureInfo culture, CultureInfo uiCulture)
    {
        ExecutionContext? captured = null;
        var thread = new Thread(() =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            captured = ExecutionContext.Capture();
        });
        thread.UnsafeStart(); // not SuppressFlow: that throws when the caller has already suppressed it
        thread.Join();
        return captured!;
    }
}
