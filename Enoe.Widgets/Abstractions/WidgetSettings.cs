using System.Text.Json;

namespace Enoe.Widgets.Abstractions;

public static class WidgetSettings
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static T Read<T>(string? json)
        where T : new() => (T)Read(typeof(T), json);

    public static object Read(Type type, string? json)
    {
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                return JsonSerializer.Deserialize(json, type, Json) ?? Activator.CreateInstance(type)!;
            }
            catch (JsonException) { }
        }
        return Activator.CreateInstance(type)!;
    }

    public static string Write(object settings) => JsonSerializer.Serialize(settings, settings.GetType(), Json);
}
