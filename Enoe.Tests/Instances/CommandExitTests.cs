using System.Collections.Concurrent;
using System.Text.Json;
using Enoe.App.Schools;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using StackExchange.Redis;
using static Enoe.Tests.Support.AcademyConsole;

namespace Enoe.Tests.Instances;

/// <summary>
/// A command run from the command line (here <c>--import-etablissements</c>, with Redis) disposes the host before
/// the process exits: its Redis connection is closed, and only once what it announced has left.
/// </summary>
public sealed class CommandExitTests
{
    [Fact]
    public async Task ImportEtablissements_ClosesItsRedisConnection_AfterItsAnnouncementsLeft()
    {
        using var redis = await RedisServer.StartOwnAsync(); // its own: no other test's instance is connected to it
        await using var database = await TestDatabase.CreateAsync();
        await TwoSchools.CreateAsync(database);
        var prefix = RedisServer.NewPrefix();
        await using var watcher = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var heard = new ConcurrentQueue<string>();
        var channel = await watcher.GetSubscriber().SubscribeAsync(RedisChannel.Literal(prefix + "events"));
        channel.OnMessage(m =>
            heard.Enqueue(JsonDocument.Parse((string)m.Message!).RootElement.GetProperty("type").GetString()!)
        );
        var file = Path.Combine(database.Directory, "etablissements.csv");
        await File.WriteAllBytesAsync(file, Csv(Line(1)));

        // The app's own entry point, as `Enoe.App --import-etablissements FILE` runs it.
        string[] args =
        [
            SchoolImportCommand.Argument,
            file,
            .. database.AppArguments(),
            $"--Enoe:Redis={redis.Configuration}",
            $"--Enoe:RedisPrefix={prefix}",
            "--Enoe:Directory:Schedule=",
            "--Logging:LogLevel:Default=Warning",
        ];
        var exit = await Task.Run(() => typeof(Program).Assembly.EntryPoint!.Invoke(null, [args]));

        Assert.Equal(0, exit);
        var server = watcher.GetServer(watcher.GetEndPoints()[0]);
        // Redis frees a client that said QUIT right after answering it: a moment, not the process's end.
        for (var i = 0; i < 40 && (await server.ClientListAsync()).Any(c => c.Name?.StartsWith("enoe-") == true); i++)
            await Task.Delay(50);
        Assert.DoesNotContain(await server.ClientListAsync(), c => c.Name?.StartsWith("enoe-") == true);
        for (var i = 0; i < 40 && !heard.Contains(nameof(SchoolServicesChanged)); i++)
            await Task.Delay(50);
        Assert.Contains(nameof(SchoolServicesChanged), heard);
    }
}
