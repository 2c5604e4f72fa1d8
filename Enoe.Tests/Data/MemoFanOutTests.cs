using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// Round trips, not time (times come from bench/Enoe.Bench.Database): a mémo costs the same few commands for 1 or 300
/// recipients, and its copies are one INSERT statement per address (a provider may batch many INSERTs into one
/// command).
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
        await SendAsync(to);
        return _counter.Count;
    }

    private Task<int> SendAsync(MemoAddress to) => SendAsync([to]);

    private async Task<int> SendAsync(List<MemoAddress> to)
    {
        var sent = await _database
            .Get<MemoService>()
            .SendAsync(
                TwoSchools.As(_f.StaffA, _f.A),
                new MemoDraft
                {
                    To = to,
                    Subject = "Conseil d'administration",
                    Body = "Jeudi à 18 h.",
                },
                []
            );
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        await _database.Get<MemoService>().WhenDeliveredAsync(); // the copies are written after the send returns
        return sent.Value;
    }

    [Fact]
    public async Task SendingToEveryParent_TakesAsManyRoundTripsAsSendingToOne()
    {
        // A first mémo reads the établissement's quiet window into the cache, as the first of the day does.
        await CommandsToSendAsync(new MemoAddress(AudienceKind.Person, _f.ParentA.Id, "ParentA"));
        var one = await CommandsToSendAsync(new MemoAddress(AudienceKind.Person, _f.ParentA.Id, "ParentA"));
        var all = await CommandsToSendAsync(
            new MemoAddress(AudienceKind.Profile, (int)Profile.Parent, "Tous les parents")
        );

        Assert.Equal(one, all);
        // Eight to store the mémo; then its delivery: the mémo read back and taken, the copies, the mémo's line for the
        // event and the recipients' notifications (one statement), their notification counts for the bells (one read);
        // the recipients' mémo counts come back with the copies on PostgreSQL, in one more read on SQLite, whereas
        // PostgreSQL takes one more to commit the delivery without waiting for the disk (SET LOCAL).
        Assert.True(all <= 14, _counter.Log);
        var copies = System.Text.RegularExpressions.Regex.Count(_counter.Log, "INSERT INTO \"MemoRecipient\"");
        Assert.True(copies == 1, _counter.Log);
        await using var db = _database.NewContext();
        Assert.Equal(301, await db.Set<MemoRecipient>().CountAsync(r => r.Memo!.To == "Tous les parents"));
    }

    [Fact]
    public async Task TheEvent_CarriesEachRecipientsUnreadCount_ThisMemoIncluded()
    {
        var earlier = new List<int>();
        for (var i = 0; i < 4; i++)
            earlier.Add(await SendAsync(new MemoAddress(AudienceKind.Person, _f.ParentA.Id, "ParentA")));
        await using (var db = _database.NewContext())
        {
            // Of ParentA's four: one read, one archived (unread, but out of the inbox), two still waiting.
            var copies = db.Set<MemoRecipient>().Where(r => r.PersonId == _f.ParentA.Id);
            await copies
                .Where(r => r.MemoId == earlier[0])
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReadAt, DateTime.UtcNow));
            await copies
                .Where(r => r.MemoId == earlier[1])
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Folder, MemoFolder.Archive));
        }
        using var told = new Heard<MemoSent>(_database.Get<IEventBus>());

        await SendAsync(new MemoAddress(AudienceKind.Profile, (int)Profile.Parent, "Tous les parents"));

        await _database.DeliveredAsync();
        var counts = told.Events.Single().UnreadByRecipient;
        Assert.Equal(301, counts.Count);
        Assert.Equal(3, counts[_f.ParentA.Id]); // the two waiting and this one
        Assert.All(counts.Where(c => c.Key != _f.ParentA.Id), c => Assert.Equal(1, c.Value));
        Assert.Equal(3, await _database.Get<MemoService>().UnreadCountAsync(TwoSchools.As(_f.ParentA, _f.A)));
    }

    [Fact]
    public async Task TheDelivery_CarriesEachRecipientsBellCountAndFeedLine_OneLineForAll()
    {
        var notices = _database.Get<Enoe.Data.Notifications.NotificationService>();
        var parentA = TwoSchools.As(_f.ParentA, _f.A);
        await SendAsync(new MemoAddress(AudienceKind.Person, _f.ParentA.Id, "ParentA")); // one unread already
        using var told = new Heard<MemoSent>(_database.Get<IEventBus>());
        using var alone = new Heard<Enoe.Data.Notifications.NotificationsDelivered>(_database.Get<IEventBus>());

        await SendAsync(new MemoAddress(AudienceKind.Profile, (int)Profile.Parent, "Tous les parents"));

        await _database.DeliveredAsync();
        // One event for the mémo and its notifications: each open tab hears it once, and renders once.
        Assert.Empty(alone.Events);
        var delivered = told.Events.Single().Delivered!;
        Assert.Equal(301, delivered.Unread!.Count);
        Assert.Equal(2, delivered.UnreadOf(_f.ParentA.Id));
        Assert.Equal(await notices.UnreadCountAsync(_f.ParentA.Id), delivered.UnreadOf(_f.ParentA.Id));
        var line = Assert.Single(delivered.Lines!); // 301 copies, one line
        Assert.Equal("Conseil d'administration", line.Title);
        Assert.Equal(301, delivered.LinesOf!.Count);
        Assert.Equal(line, Assert.Single(delivered.LinesFor(_f.ParentA.Id)!));
        Assert.Null(delivered.LinesFor(_f.StaffA.Id)); // the sender got nothing
        // The line, which has no row id, opens the parent's own notification by its source, and reads it.
        Assert.Equal(line.Link, await notices.OpenAsync(parentA, line));
        Assert.Equal(1, await notices.UnreadCountAsync(_f.ParentA.Id));
        Assert.Null(await notices.OpenAsync(TwoSchools.As(_f.StaffA, _f.A), line)); // not theirs
    }

    [Theory]
    [InlineData(false)] // two addresses: each one's copies go as a list of ids on SQLite
    [InlineData(true)] // seven: as rows
    public async Task EachCopy_NamesTheAddressThatReachedIt(bool manyAddresses)
    {
        await using var db = _database.NewContext();
        var parents = await db.Set<Person>().Where(p => p.LastName.StartsWith("N")).Take(6).ToListAsync();
        List<MemoAddress> to = manyAddresses
            ? [.. parents.Select(p => new MemoAddress(AudienceKind.Person, p.Id, p.LastName))]
            : [new MemoAddress(AudienceKind.Profile, (int)Profile.Parent, "Tous les parents")];
        to.Add(new MemoAddress(AudienceKind.Person, _f.TeacherA.Id, "TeacherA"));

        var id = await SendAsync(to);

        var copies = await db.Set<MemoRecipient>()
            .Where(r => r.MemoId == id)
            .Join(
                db.Set<MemoAudience>(),
                r => r.AudienceId,
                a => a.Id,
                (r, a) =>
                    new
                    {
                        r.PersonId,
                        a.Kind,
                        a.TargetId,
                    }
            )
            .ToListAsync();
        Assert.Equal(manyAddresses ? 7 : 302, copies.Count);
        Assert.All(
            copies,
            c =>
                Assert.Equal(
                    c.PersonId == _f.TeacherA.Id || manyAddresses
                        ? (AudienceKind.Person, c.PersonId)
                        : (AudienceKind.Profile, (int)Profile.Parent),
                    (c.Kind, c.TargetId)
                )
        );
    }
}
