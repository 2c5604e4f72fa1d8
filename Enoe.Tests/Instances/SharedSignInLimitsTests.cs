using System.Net;
using Enoe.Tests.Support;

namespace Enoe.Tests.Instances;

/// <summary>
/// Ten sign-in attempts a minute per identifiant, whatever the number of instances: counted in Redis; counted by each
/// instance alone, without failing, while Redis is down.
/// </summary>
public sealed class SharedSignInLimitsTests
{
    private const string Identifiant = "claire.fontaine";

    [Fact]
    public async Task AttemptsSplitBetweenTwoInstances_AreCountedTogether_TheEleventhRefused()
    {
        var (redis, prefix) = (await RedisServer.ConfigurationAsync(), RedisServer.NewPrefix());
        await using var a = Limited(Instance.OnRedis(redis, prefix));
        await using var b = Limited(Instance.OnRedis(redis, prefix));
        var (onA, onB) = (a.NewClient(), b.NewClient());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) // five on each, under each instance's own limit of ten; the eleventh on A
            statuses.Add(await WrongPasswordAsync(i % 2 == 0 ? onA : onB));

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task RedisStopped_SignInGoesOn_LimitedByTheInstanceAlone()
    {
        using var redis = await RedisServer.StartOwnAsync();
        await using var app = Limited(Instance.OnRedis(redis.Configuration, RedisServer.NewPrefix()));
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, await WrongPasswordAsync(client)); // counted in Redis

        var lost = app.ConnectionLostAsync();
        redis.Stop();
        await lost;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
            statuses.Add(await WrongPasswordAsync(client));

        Assert.All(statuses.Take(9), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[9]);
    }

    private static EnoeAppFactory Limited(EnoeAppFactory app)
    {
        app.Settings["Enoe:LoginAttemptsPerMinute"] = "10";
        return app;
    }

    private static async Task<HttpStatusCode> WrongPasswordAsync(HttpClient client) =>
        (
            await client.PostFormAsync(
                "/connexion",
                "/compte/connexion",
                new() { ["UserName"] = Identifiant, ["Password"] = "pas-le-bon" }
            )
        ).StatusCode;
}
