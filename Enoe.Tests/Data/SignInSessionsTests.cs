using Enoe.Data.Events;
using Enoe.Data.Sessions;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>Server-side sign-in sessions: what ends them, and who hears of it.</summary>
public sealed class SignInSessionsTests
{
    [Fact]
    public async Task Ending_one_session_closes_it_at_once_and_says_so()
    {
        await using var database = await TestDatabase.CreateAsync();
        var school = await TwoSchools.CreateAsync(database);
        var sessions = database.Get<SignInSessions>();
        var ended = Heard(database);
        var id = await sessions.StartAsync(school.TeacherA.Id, "10.0.0.1", "Firefox", secondFactor: false);
        Assert.True(await sessions.IsOpenAsync(id, school.TeacherA.Id)); // now cached

        await sessions.EndAsync(id, SessionEnd.SignedOut);

        Assert.False(await sessions.IsOpenAsync(id, school.TeacherA.Id)); // the cache forgot it
        await database.DeliveredAsync();
        Assert.Equal([id], Assert.Single(ended).SessionIds);
        await using var db = database.NewContext();
        var row = await db.Set<SignInSession>().SingleAsync(s => s.Id == id);
        Assert.Equal((SessionEnd.SignedOut, database.Clock.GetUtcNow().UtcDateTime), (row.EndReason, row.EndedAt));
        Assert.False(await sessions.IsOpenAsync(id, school.StudentA.Id)); // never another person's
    }

    [Fact]
    public async Task Ending_all_of_a_person_but_one_leaves_that_one_and_others_people_open()
    {
        await using var database = await TestDatabase.CreateAsync();
        var school = await TwoSchools.CreateAsync(database);
        var sessions = database.Get<SignInSessions>();
        var teacher = school.TeacherA.Id;
        var (kept, other1, other2) = (
            await sessions.StartAsync(teacher, null, null, false),
            await sessions.StartAsync(teacher, null, null, false),
            await sessions.StartAsync(teacher, null, null, false)
        );
        var someoneElse = await sessions.StartAsync(school.StudentA.Id, null, null, false);
        var ended = Heard(database);

        Assert.Equal(2, await sessions.EndAllAsync(teacher, SessionEnd.PasswordChanged, except: kept));

        await database.DeliveredAsync();
        Assert.Equal(new[] { other1, other2 }.Order(), Assert.Single(ended).SessionIds.Order());
        Assert.True(await sessions.IsOpenAsync(kept, teacher));
        Assert.False(await sessions.IsOpenAsync(other1, teacher));
        Assert.True(await sessions.IsOpenAsync(someoneElse, school.StudentA.Id));
        Assert.Equal([kept], (await sessions.OpenSessionsAsync(teacher)).Select(s => s.Id));
    }

    [Fact]
    public async Task Last_seen_is_written_every_few_minutes_not_at_every_request()
    {
        await using var database = await TestDatabase.CreateAsync();
        var school = await TwoSchools.CreateAsync(database);
        var sessions = database.Get<SignInSessions>();
        var id = await sessions.StartAsync(school.TeacherA.Id, null, null, false);
        var started = database.Clock.GetUtcNow().UtcDateTime;

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await sessions.IsOpenAsync(id, school.TeacherA.Id);
        Assert.Equal(started, (await sessions.OpenSessionsAsync(school.TeacherA.Id)).Single().LastSeenAt);
        database.Clock.Advance(SignInSessions.TouchEvery);
        var later = new SignInSessions(
            database.Get<IDbContextFactory<Enoe.Data.EnoeDbContext>>(),
            database.Get<IEventBus>(),
            database.Clock
        ); // another instance: no cached answer
        await later.IsOpenAsync(id, school.TeacherA.Id);

        Assert.Equal(
            database.Clock.GetUtcNow().UtcDateTime,
            (await sessions.OpenSessionsAsync(school.TeacherA.Id)).Single().LastSeenAt
        );
        later.Dispose();
    }

    [Fact]
    public async Task An_account_the_directory_sync_disables_loses_its_open_sessions_at_once()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        var person = await h.IdOfAsync("v1");
        var sessions = h.Database.Get<SignInSessions>();
        var session = await sessions.StartAsync(person, null, null, false);
        Assert.True(await sessions.IsOpenAsync(session, person));
        var ended = Heard(h.Database);
        h.Directory.Remove("v1");

        await h.RunAsync();

        Assert.False(await sessions.IsOpenAsync(session, person));
        await h.Database.DeliveredAsync();
        Assert.Equal(new SessionsEnded(person, [session]).SessionIds, Assert.Single(ended).SessionIds);
        await using var db = h.Database.NewContext();
        Assert.Equal(SessionEnd.AccountDisabled, (await db.Set<SignInSession>().SingleAsync()).EndReason);
    }

    private static List<SessionsEnded> Heard(TestDatabase database)
    {
        var heard = new List<SessionsEnded>();
        database
            .Get<IEventBus>()
            .Subscribe<SessionsEnded>(e =>
            {
                lock (heard)
                    heard.Add(e);
                return Task.CompletedTask;
            });
        return heard;
    }
}
