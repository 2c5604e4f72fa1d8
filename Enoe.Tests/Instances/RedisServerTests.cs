using Enoe.Tests.Support;
using StackExchange.Redis;

namespace Enoe.Tests.Instances;

/// <summary>The test run's Redis answers, and two prefixes never see each other's keys.</summary>
public class RedisServerTests
{
    [Fact]
    public async Task TheServer_Answers_AndPrefixesKeepTestsApart()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await RedisServer.ConfigurationAsync());
        var (one, two) = (RedisServer.NewPrefix(), RedisServer.NewPrefix());
        var db = redis.GetDatabase();
        await db.StringSetAsync(one + "key", "1");
        Assert.Equal("1", (string?)await db.StringGetAsync(one + "key"));
        Assert.False(await db.KeyExistsAsync(two + "key"));
    }
}
