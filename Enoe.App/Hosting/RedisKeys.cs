namespace Enoe.App.Hosting;

/// <summary>
/// Where ENOE's keys live in a Redis it may share with other deployments (or, in tests, with other tests): every key
/// and the event bus's channel (<c>{prefix}events</c>) start with <c>Enoe:RedisPrefix</c> (<c>enoe:</c> by default,
/// also when set empty). The one place that reads it: the hosting code asks here, not <see cref="EnoeOptions"/>.
/// </summary>
public static class RedisKeys
{
    public const string PrefixKey = "Enoe:RedisPrefix";

    public static string RedisPrefix(this IConfiguration configuration) =>
        configuration[PrefixKey] is { Length: > 0 } prefix ? prefix : "enoe:";
}
