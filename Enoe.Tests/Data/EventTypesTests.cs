using System.Reflection;
using System.Text.Json;
using Enoe.Data.Events;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Data.Storage;

namespace Enoe.Tests.Data;

/// <summary>
/// What crosses Redis: every event type published anywhere is in the registry (else other instances never see it),
/// and each survives System.Text.Json with its values.
/// </summary>
public sealed class EventTypesTests
{
    private static readonly Assembly[] Publishers =
    [
        typeof(IEventBus).Assembly,
        typeof(Enoe.Widgets.Common.UserSession).Assembly,
        typeof(Program).Assembly,
    ];

    [Fact]
    public void EveryTypePublished_IsInTheRegistry_AndEveryOneListedIsPublished()
    {
        var published = Publishers.SelectMany(PublishedTypes).ToHashSet();

        Assert.True(published.Count >= 8, string.Join(", ", published.Select(t => t.Name)));
        Assert.Equal(EventTypes.All.Select(t => t.FullName).Order(), published.Select(t => t.FullName).Order());
    }

    [Fact]
    public void EveryEventType_RoundTripsThroughJson()
    {
        foreach (var type in EventTypes.All)
        {
            var (sample, extra) = Sample(type);
            var parameters = type.GetConstructors().Single().GetParameters();

            var json = JsonSerializer.Serialize(sample, type, JsonSerializerOptions.Web);
            var back = JsonSerializer.Deserialize(json, type, JsonSerializerOptions.Web);

            Assert.IsType(type, back);
            Assert.Equal(json, JsonSerializer.Serialize(back, type, JsonSerializerOptions.Web));
            var properties = parameters
                .Select(p => type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance)!)
                .Concat(extra);
            foreach (var property in properties) // each value there, none left at its default
                Assert.NotEqual(
                    JsonSerializer.Serialize(Default(property.PropertyType), JsonSerializerOptions.Web),
                    JsonSerializer.Serialize(property.GetValue(back), JsonSerializerOptions.Web)
                );
            Assert.Same(type, EventTypes.Find(type.Name));
        }
    }

    /// <summary>
    /// The events that carry their notifications: each tab hears one event, its bell and feed included.
    /// </summary>
    [Theory]
    [InlineData(typeof(MemoSent))]
    [InlineData(typeof(LogbookChanged))]
    [InlineData(typeof(GradesChanged))]
    [InlineData(typeof(Enoe.Data.Timetable.LessonChanged))]
    [InlineData(typeof(Enoe.Data.Assignments.AssignmentChanged))]
    public void TheDeliveryInsideAnEvent_CrossesWithItsCountsAndLines(Type type)
    {
        var property = type.GetProperty("Delivered")!;
        var (sample, _) = Sample(type);
        var sent = (NotificationsDelivered)property.GetValue(sample)!;

        var json = JsonSerializer.Serialize(sample, type, JsonSerializerOptions.Web);
        var back = (NotificationsDelivered)
            property.GetValue(JsonSerializer.Deserialize(json, type, JsonSerializerOptions.Web))!;

        Assert.Equal(sent.RecipientIds, back.RecipientIds);
        Assert.Equal(sent.Unread, back.Unread);
        Assert.Equal(sent.Lines, back.Lines);
        Assert.Equal(sent.LinesOf!.Keys, back.LinesOf!.Keys);
        Assert.Equal(sent.LinesFor(sent.RecipientIds[1]), back.LinesFor(sent.RecipientIds[1]));
        Assert.Equal(sent.Removed, back.Removed); // an absence undone: the lines its tabs drop
    }

    /// <summary>
    /// An event with a sample in every constructor parameter and init property (the entry, the delivery).
    /// </summary>
    private static (object Event, List<PropertyInfo> Extra) Sample(Type type)
    {
        var constructor = type.GetConstructors().Single();
        var parameters = constructor.GetParameters();
        var sample = constructor.Invoke([.. parameters.Select((p, i) => SampleOf(p.ParameterType, i + 1))]);
        var extra = type.GetProperties().Where(p => p.SetMethod is not null).ToList();
        foreach (var (property, i) in extra.Select((p, i) => (p, i)))
            property.SetValue(sample, SampleOf(property.PropertyType, parameters.Length + i + 1));
        return (sample, extra);
    }

    [Fact]
    public void OnlyListedNames_AreFound()
    {
        Assert.Null(EventTypes.Find("System.Diagnostics.Process"));
        Assert.Null(EventTypes.Find("Process"));
        Assert.Null(EventTypes.Find(""));
    }

    /// <summary>A value unlike the default of its type; a new kind of field in an event needs a line here.</summary>
    private static object SampleOf(Type type, int seed) =>
        type switch
        {
            _ when type == typeof(int) || type == typeof(int?) => 40 + seed,
            _ when type == typeof(long) => 4_000_000_000L + seed,
            _ when type == typeof(Guid) => new Guid(seed, 1, 2, [3, 4, 5, 6, 7, 8, 9, 10]),
            _ when type == typeof(string) => $"valeur {seed}",
            _ when type == typeof(string[]) => new[] { $"étiquette {seed}", $"étiquette {seed + 1}" },
            _ when type == typeof(IReadOnlyDictionary<int, int>) => new Dictionary<int, int>
            {
                [seed] = 1,
                [seed + 1] = 7,
            },
            _ when type == typeof(MemoListItem) => new MemoListItem(
                seed,
                seed + 1,
                "Sortie",
                "Marie Dupont",
                "3e A",
                new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc),
                false,
                true
            ),
            _ when type == typeof(IReadOnlyDictionary<int, int[]>) => new Dictionary<int, int[]>
            {
                [seed] = [0],
                [seed + 1] = [0, 1],
            },
            _ when type == typeof(IReadOnlyList<NotificationView>) => new List<NotificationView>
            {
                (NotificationView)SampleOf(typeof(NotificationView), seed),
                (NotificationView)SampleOf(typeof(NotificationView), seed + 20),
            },
            _ when type == typeof(IReadOnlyList<Guid>) => new List<Guid> { Guid.NewGuid(), Guid.NewGuid() },
            _ when type == typeof(bool) => true,
            _ when type == typeof(int[]) => new[] { seed, seed + 1 },
            _ when type == typeof(NotificationCategory[]) => new[]
            {
                NotificationCategory.Memos,
                NotificationCategory.Marks,
            },
            _ when type == typeof(DateTime) => new DateTime(2026, 12, 1, 9, 30, seed % 60, DateTimeKind.Utc),
            _ when type == typeof(DateOnly) || type == typeof(DateOnly?) => new DateOnly(2026, 12, 1 + seed % 28),
            _ when type == typeof(TimeOnly) => new TimeOnly(8 + seed % 10, 0),
            _ when Nullable.GetUnderlyingType(type) is { IsEnum: true } e => Enum.GetValues(e).GetValue(1)!,
            _ when type.IsEnum => Enum.GetValues(type).GetValue(1)!,
            _ when type == typeof(IReadOnlyList<FileView>) => new List<FileView> { new(seed, "fiche.pdf", 1024) },
            // A delivery inside another event (a mémo's, a carnet entry's, marks'): its counts and lines too.
            _ when type == typeof(NotificationsDelivered) => new NotificationsDelivered(
                (int[])SampleOf(typeof(int[]), seed),
                (NotificationCategory[])SampleOf(typeof(NotificationCategory[]), seed),
                true
            )
            {
                Unread = (IReadOnlyDictionary<int, int>)SampleOf(typeof(IReadOnlyDictionary<int, int>), seed),
                Lines = (IReadOnlyList<NotificationView>)SampleOf(typeof(IReadOnlyList<NotificationView>), seed),
                LinesOf = (IReadOnlyDictionary<int, int[]>)SampleOf(typeof(IReadOnlyDictionary<int, int[]>), seed),
                Removed = (string[])SampleOf(typeof(string[]), seed),
            },
            // A view record an event carries (a carnet entry, a devoir): every field a sample of its own.
            _ when type.IsClass && type.Namespace?.StartsWith("Enoe.Data", StringComparison.Ordinal) == true =>
                type.GetConstructors()
                    .Single()
                    .Invoke([
                        .. type.GetConstructors()
                            .Single()
                            .GetParameters()
                            .Select((p, i) => SampleOf(p.ParameterType, seed + i + 1)),
                    ]),
            _ => throw new InvalidOperationException($"No sample for {type}: add one."),
        };

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    /// <summary>What publishes its TEvent: the bus, and what publishes an event with notifications inside.</summary>
    private static readonly (Type?, string)[] Publishing =
    [
        (typeof(IEventBus), nameof(IEventBus.PublishAsync)),
        (typeof(NotificationService), nameof(NotificationService.PublishCarryingAsync)),
        (typeof(NotificationService), nameof(NotificationService.ReplaceCarryingAsync)),
    ];

    /// <summary>
    /// The TEvent of every call to <see cref="Publishing"/> in an assembly's IL (async methods'
    /// bodies included: their state machines are types too).
    /// </summary>
    private static IEnumerable<Type> PublishedTypes(Assembly assembly)
    {
        const BindingFlags all =
            BindingFlags.Public
            | BindingFlags.NonPublic
            | BindingFlags.Instance
            | BindingFlags.Static
            | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
                continue;
            for (var i = 0; i + 4 < il.Length; i++)
            {
                if (il[i] is not (0x28 or 0x6F)) // call, callvirt
                    continue;
                var token = BitConverter.ToInt32(il, i + 1);
                if (token >> 24 != 0x2B) // a generic method's instantiation
                    continue;
                MethodBase? called;
                try
                {
                    called = type.Module.ResolveMethod(
                        token,
                        type.IsGenericType ? type.GetGenericArguments() : null,
                        method.IsGenericMethod ? method.GetGenericArguments() : null
                    );
                }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException)
                {
                    continue; // operand bytes that only looked like a call
                }
                if (
                    called is MethodInfo { IsGenericMethod: true } publish
                    && Publishing.Contains((publish.DeclaringType, publish.Name))
                    && publish.GetGenericArguments()[0] is { IsGenericParameter: false } published
                )
                    yield return published;
            }
        }
    }
}
