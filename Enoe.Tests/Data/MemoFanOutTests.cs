using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// Round trips, not time (times come from bench/Enoe.Bench.Database): a mémo costs the same few commands for 1 or 300
/// recipients, and its copies are one INSERT statement (a provider may batch many INSERTs into one command).
/// </summary>
public sealed class MemoFanOutTests : IAsyncLifetime
{
    private readonly CommandCounter _counter = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_counter));
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        for (var i = 0; i < 300; i++)
        {
            var parent = new Person
            {
                FirstName = "Parent",
                LastName = $"N{i}",
                UserName = $"p{i}",
                NormalizedUserName = $"P{i}",
            };
            parent.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = Profile.Parent });
            db.Add(parent);
        }
        await db.SaveChangesAsync();
        // The gate's switches of the établissement, read once then cached: counted in neither send.
        await _database
            .Get<Enoe.Data.Schools.ServiceAccess>()
            .RefusalAsync(TwoSchools.As(_f.StaffA, _f.A), Enoe.Data.Schools.EntService.Memos);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<int> CommandsToSendAsync(MemoAddress to)
    {
        _counter.Reset();
        var sent = await _database
            .Get<MemoService>()
            .SendAsync(
                TwoSchools.As(_f.StaffA, _f.A),
                new MemoDraft
                {
                    To = [to],
                    Subject = "Conseil d'administration",
                    Body = "Jeudi à 18 h.",
                },
                []
            );
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        return _counter.Count;
    }

    [Fact]
    public async Task SendingToEveryParent_TakesAsManyRoundTripsAsSendingToOne()
    {
        var one = await CommandsToSendAsync(new MemoAddress(AudienceKind.Person, _f.ParentA.Id, "ParentA"));
        var all = await CommandsToSendAsync(
            new MemoAddress(AudienceKind.Profile, (int)Profile.Parent, "Tous les parents")
        );

        Assert.Equal(one, all);
        Assert.True(all <= 10, _counter.Log); // eight to send, two for what the event carries (the line, the counts)
        var copies = System.Text.RegularExpressions.Regex.Count(_counter.Log, "INSERT INTO \"MemoRecipient\"");
        Assert.True(copies == 1, _counter.Log);
        await using var db = _database.NewContext();
        Assert.Equal(301, await db.Set<MemoRecipient>().CountAsync(r => r.Memo!.To == "Tous les parents"));
    }
}
