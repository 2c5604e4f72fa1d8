using Enoe.Data.Sessions;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// The minute's check of every open tab of an instance (<see cref="SignInSessions.StandingAsync"/>): what makes a
/// sign-in fall, read in a few statements whatever the number of tabs.
/// </summary>
public sealed class CircuitSignInStandingTests
{
    [Fact]
    public async Task Ended_sessions_new_stamps_disabled_accounts_and_borrowed_ids_fall_four_reads_for_520_tabs()
    {
        var counter = new CommandCounter();
        await using var database = await TestDatabase.CreateAsync(
            seedDemo: true,
            configure: s => s.AddSingleton<IInterceptor>(counter)
        );
        var now = database.Clock.GetUtcNow().UtcDateTime;
        List<CircuitSignIn> tabs;
        await using (var db = database.NewContext())
        {
            var people = await db
                .Users.Where(p => p.DisabledAt == null)
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.SecurityStamp })
                .Take(260)
                .ToListAsync();
            Assert.Equal(260, people.Count);
            // Two tabs each, each with its own sign-in: 520 tabs, more than one batch of 500.
            var sessions = people
                .SelectMany(p => new[] { p, p })
                .Select(p => new SignInSession
                {
                    Id = Guid.NewGuid(),
                    PersonId = p.Id,
                    StartedAt = now,
                    LastSeenAt = now,
                })
                .ToList();
            db.AddRange(sessions);
            await db.SaveChangesAsync();
            tabs =
            [
                .. sessions.Select(s => new CircuitSignIn(
                    s.PersonId,
                    s.Id,
                    people.First(p => p.Id == s.PersonId).SecurityStamp
                )),
            ];
        }
        var (ended, newStamp, disabled) = (tabs[0], tabs[2], tabs[4]);
        var borrowed = tabs[6] with { SessionId = tabs[8].SessionId }; // another person's session id
        var staleClaim = tabs[10] with { SecurityStamp = "ancien" };
        var unknown = new CircuitSignIn(0, null, null);
        await using (var db = database.NewContext())
        {
            // As another instance would: nothing is published here.
            await db.Set<SignInSession>()
                .Where(s => s.Id == ended.SessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now));
            await db
                .Users.Where(p => p.Id == newStamp.PersonId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SecurityStamp, "nouveau"));
            await db
                .Users.Where(p => p.Id == disabled.PersonId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.DisabledAt, now));
        }
        counter.Reset();

        var standing = await database.Get<SignInSessions>().StandingAsync([.. tabs, borrowed, staleClaim, unknown]);

        Assert.Equal(4, counter.Count); // people and sessions, for each of two batches; nothing to touch yet
        Assert.DoesNotContain(ended, standing);
        Assert.DoesNotContain(borrowed, standing);
        Assert.DoesNotContain(staleClaim, standing);
        Assert.DoesNotContain(unknown, standing);
        // Every tab of the person whose stamp changed or who was disabled falls, not only the one checked.
        CircuitSignIn[] fallen =
        [
            ended,
            .. tabs.Where(t => t.PersonId == newStamp.PersonId || t.PersonId == disabled.PersonId),
        ];
        Assert.Equal(tabs.Except(fallen).ToHashSet(), standing.ToHashSet());
    }

    [Fact]
    public async Task An_open_tab_keeps_its_session_seen_one_statement_for_the_sessions_due()
    {
        var counter = new CommandCounter();
        await using var database = await TestDatabase.CreateAsync(configure: s =>
            s.AddSingleton<IInterceptor>(counter)
        );
        var school = await TwoSchools.CreateAsync(database);
        var sessions = database.Get<SignInSessions>();
        var tabs = new List<CircuitSignIn>();
        foreach (var person in new[] { school.TeacherA, school.StudentA })
        {
            var id = await sessions.StartAsync(person.Id, null, null, secondFactor: false);
            tabs.Add(new CircuitSignIn(person.Id, id, person.SecurityStamp));
        }
        database.Clock.Advance(SignInSessions.TouchEvery);
        counter.Reset();

        Assert.Equal(2, (await sessions.StandingAsync(tabs)).Count);

        Assert.Equal(3, counter.Count);
        await using var db = database.NewContext();
        var seen = await db.Set<SignInSession>().Select(s => s.LastSeenAt).ToListAsync();
        Assert.All(seen, at => Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, at));
    }
}
