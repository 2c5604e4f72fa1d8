using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Enoe.Data.Common;

/// <summary>
/// The texts of one resource class (<c>LogbookText</c>, <c>MemoMessages</c>…), read once per culture and kept.
/// <see cref="ResourceManager.GetString(string, CultureInfo)"/> takes two locks per call; a widget's render reads a
/// dozen texts, and two thousand tabs rendering one live event at once spent a third of their render waiting on those
/// locks (a CPU profile of the carnet event). Each class's generated <c>GetResourceString</c> comes here instead
/// (<c>Directory.Build.targets</c> writes it). Bounded by keys × the cultures the app offers.
/// </summary>
public sealed class ResourceTexts(ResourceManager resources)
{
    private readonly ConcurrentDictionary<(string Key, CultureInfo Culture), string?> _texts = new();
    private readonly ConcurrentDictionary<(string Key, CultureInfo Culture), string> _formats = new();

    public string? Get(string key, CultureInfo? culture)
    {
        var at = (key, culture ?? CultureInfo.CurrentUICulture);
        return _texts.TryGetValue(at, out var text)
            ? text
            : _texts.GetOrAdd(at, k => resources.GetString(k.Key, k.Culture));
    }

    /// <summary>
    /// A text with named placeholders (<c>{date}</c>) as <see cref="string.Format(IFormatProvider, string, object)"/>
    /// reads it (<c>{0}</c>), made once rather than at each call.
    /// </summary>
    public string Format(string key, CultureInfo? culture, string[]? names)
    {
        var at = (key, culture ?? CultureInfo.CurrentUICulture);
        if (_formats.TryGetValue(at, out var format))
            return format;
        format = Get(key, at.Item2) ?? "";
        for (var i = 0; i < (names?.Length ?? 0); i++)
            format = format.Replace("{" + names![i] + "}", "{" + i + "}");
        return _formats.GetOrAdd(at, format);
    }
}
