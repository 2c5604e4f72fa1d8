namespace Enoe.App.Hosting;

/// <summary>
/// Where ENOE's keys live in a Redis it may share with other deployments (or, in tests, with other tests): every key
/// starts with <c>Enoe:RedisPrefix</c> (<c>enoe:</c> by default).
/// </summary>
public static class RedisKeys
{
    public const string PrefixKey = "Enoe:RedisPrefix";

    public static string RedisPrefix(this IConfiguration configuration) =>
        configuration[PrefixKey] is { Length: > 0 } prefix ? prefix : "enoe:";
}
