using Enoe.Data;
using Enoe.Data.Directory;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>The app keeps running during a sync: what others write meanwhile is met, never duplicated.</summary>
public sealed class DirectorySyncRaceTests
{
    /// <summary>
    /// Just before the sync saves the page creating <c>prenom.s1</c>, someone else creates a local account with that
    /// login (as an admin could): the unique index refuses the sync's row, the page is planned again, and the entry is
    /// rejected as a login already taken.
    /// </summary>
    private sealed class LocalAccountFirst(Func<EnoeDbContext> newContext) : SaveChangesInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData,
            InterceptionResult<int> result,
            CancellationToken ct = default
        )
        {
            var adding = eventData.Context!.ChangeTracker.Entries<Person>().Any(e => e.Entity.UserName == "prenom.s1");
            if (adding && !_done)
            {
                _done = true;
                await using var db = newContext();
                db.Users.Add(
                    new Person
                    {
                        FirstName = "Homonyme",
                        LastName = "Local",
                        UserName = "prenom.s1",
                        NormalizedUserName = "PRENOM.S1",
                    }
                );
                await db.SaveChangesAsync(ct);
            }
            return result;
        }
    }

    [Fact]
    public async Task ALoginTakenWhileAPageIsPlanned_RejectsThatEntryOnly_AndTheRestOfThePageIsWritten()
    {
        LocalAccountFirst? race = null;
        await using var h = await DirectorySyncHarness.CreateAsync(s =>
            s.AddSingleton<IInterceptor>(sp =>
                race = new LocalAccountFirst(() =>
                    sp.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContext()
                )
            )
        );

        var report = await h.RunAsync();

        Assert.NotNull(race);
        Assert.Equal(
            (8, 8),
            (
                report.Entries.Created,
                report.Changes.Count(c => c.Kind == DirectoryChangeKind.Created && c.Who.Contains("prenom."))
            )
        );
        Assert.Contains(report.Changes, c => c.Who.Contains("S1") && c.Detail.Contains("« prenom.s1 » déjà utilisé"));
        Assert.All(report.Schools, s => Assert.True(s.AddsUp, s.Uai));
        await using var db = h.Database.NewContext();
        Assert.Equal(1, await db.Users.CountAsync(p => p.NormalizedUserName == "PRENOM.S1"));
        Assert.Null(await db.Users.Where(p => p.UserName == "prenom.s1").Select(p => p.DirectoryKey).SingleAsync());
        Assert.True(await db.Users.AnyAsync(p => p.DirectoryKey == "s2")); // same page, written on the second try
    }
}
