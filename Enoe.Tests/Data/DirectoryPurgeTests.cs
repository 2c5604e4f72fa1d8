using Enoe.Data.Dashboards;
using Enoe.Data.Directory;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Accounts due for deletion go with their personal data; what they wrote for others stays on a tombstone; nothing
/// else is deleted.
/// </summary>
public sealed class DirectoryPurgeTests
{
    [Fact]
    public async Task DueDirectoryAccounts_AreDeleted_AuthorsOfSharedRecordsBecomeTombstones_NothingElseGoes()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        var clock = h.Database.Clock;
        var (t1, s2, v1, d1) = (
            await h.IdOfAsync("t1"),
            await h.IdOfAsync("s2"),
            await h.IdOfAsync("v1"),
            await h.IdOfAsync("d1")
        );
        await using (var db = h.Database.NewContext())
        {
            // t1 wrote to d1 (kept in d1's box); t1 and s2 have dashboards of their own.
            var memo = new Memo
            {
                SchoolId = await db.Schools.Select(s => s.Id).FirstAsync(),
                SenderId = t1,
                Subject = "Conseil",
                SentAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Memos.Add(memo);
            db.Add(new MemoRecipient { Memo = memo, PersonId = d1 });
            db.Add(
                new MemoRecipient
                {
                    Memo = memo,
                    PersonId = t1,
                    Folder = MemoFolder.Sent,
                }
            );
            db.DashboardTabs.AddRange(
                new DashboardTab { PersonId = t1, Title = "Moi" },
                new DashboardTab { PersonId = s2, Title = "Moi" }
            );
            // A local account marked as if due: never deleted by a purge.
            var local = await db.Users.SingleAsync(p => p.Id == h.LocalAdminId);
            local.DisabledAt = local.DeletionDueAt = clock.GetUtcNow().UtcDateTime.AddDays(-1);
            await db.SaveChangesAsync();
        }
        foreach (var key in new[] { "t1", "s2", "v1" })
            h.Directory.Remove(key);
        await h.RunAsync(); // due in 90 days
        clock.Advance(TimeSpan.FromDays(30));
        h.Directory.Remove("n7");
        await h.RunAsync(); // due 30 days later
        var purge = h.Database.Get<DirectoryPurge>();
        clock.Advance(TimeSpan.FromDays(59));
        Assert.Equal(0, await purge.DeleteDueAsync()); // not yet

        clock.Advance(TimeSpan.FromDays(2));
        var deleted = await purge.DeleteDueAsync();

        Assert.Equal(3, deleted);
        await using var after = h.Database.NewContext();
        Assert.False(await after.Users.AnyAsync(p => p.Id == s2 || p.Id == v1));
        var tomb = await after.Users.AsNoTracking().SingleAsync(p => p.Id == t1);
        Assert.Equal(
            ("Compte supprimé", null, null, null, null, null),
            (tomb.DisplayName, tomb.UserName, tomb.Email, tomb.PasswordHash, tomb.DirectoryKey, tomb.DeletionDueAt)
        );
        Assert.NotNull(tomb.DisabledAt);
        Assert.False(await after.Memberships.AnyAsync(m => m.PersonId == t1 || m.PersonId == s2));
        Assert.False(await after.TeachingAssignments.AnyAsync(a => a.TeacherId == t1));
        Assert.False(await after.DashboardTabs.AnyAsync(t => t.PersonId == t1 || t.PersonId == s2));
        Assert.False(await after.Guardianships.AnyAsync(g => g.StudentId == s2));
        // d1 keeps the mémo t1 sent; t1's own copy went.
        Assert.Equal([d1], await after.Set<MemoRecipient>().Select(r => r.PersonId).ToListAsync());
        Assert.Equal(t1, await after.Memos.Select(m => m.SenderId).SingleAsync());
        // Not due yet, and local: still there.
        Assert.True(await after.Users.AnyAsync(p => p.DirectoryKey == "n7"));
        Assert.True(await after.Users.AnyAsync(p => p.Id == h.LocalAdminId));
        Assert.True(await after.Users.AnyAsync(p => p.DirectoryKey == "p1"));
        Assert.Equal(0, await purge.DeleteDueAsync());
        // Back in the directory later, the same jointure gets a new, empty account.
        h.Directory.People.Add(SmallDirectory.Person("t1", "National_3", SmallDirectory.DnA));
        await h.RunAsync();
        Assert.NotEqual(t1, await h.IdOfAsync("t1"));
    }

    [Fact]
    public async Task APurgeAskedToStop_StopsAfterTheChunkInHand_TheRestWaitsForTheNextPass()
    {
        await using var database = await TestDatabase.CreateAsync();
        var past = database.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await using (var db = database.NewContext())
        {
            db.Users.AddRange(
                Enumerable
                    .Range(0, 201)
                    .Select(i => new Person
                    {
                        FirstName = "Parti",
                        LastName = $"Élève {i}",
                        UserName = $"parti.{i}",
                        DirectoryKey = $"parti-{i}",
                        DisabledAt = past,
                        DeletionDueAt = past,
                    })
            );
            await db.SaveChangesAsync();
        }
        var purge = database.Get<DirectoryPurge>();
        var asked = 0;

        var (stopped, _) = await purge.PurgeAsync(null, default, keep: () => Task.FromResult(++asked > 1));

        Assert.Equal((200, 1), (stopped, asked));
        Assert.Equal(1, await purge.DeleteDueAsync());
    }
}
