using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enoe.Data.Events;

/// <summary>How events are written on Redis: the web defaults, and sets read back as sets.</summary>
internal static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web)
    {
        Converters = { new ReadOnlySetConverter() },
    };

    /// <summary>
    /// System.Text.Json writes an <see cref="IReadOnlySet{T}"/> (<see cref="Memos.MemoSent"/>'s recipients) but
    /// cannot create one: it is read as a <see cref="HashSet{T}"/>.
    /// </summary>
    private sealed class ReadOnlySetConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlySet<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)
                Activator.CreateInstance(
                    typeof(SetConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0])
                )!;
    }

    private sealed class SetConverter<T> : JsonConverter<IReadOnlySet<T>>
    {
        public override IReadOnlySet<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions o) =>
            JsonSerializer.Deserialize<HashSet<T>>(ref reader, o);

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions o) =>
            JsonSerializer.Serialize<IEnumerable<T>>(writer, value, o);
    }
}
