using Enoe.Data.Directory;
using Enoe.Tests.Support;
using Enoe.Tests.Support.TestDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// A directory that answers "success, nobody" (a service account that lost its read rights on the people, a base
/// pointing to an empty branch) must not cut off the whole académie.
/// </summary>
public sealed class DirectorySyncEmptyReadTests
{
    [Fact]
    public async Task A_read_that_would_take_most_accounts_for_gone_stops_and_disables_nobody()
    {
        var sample = new SampleDirectory();
        var directory = new InMemoryDirectory { PageSize = 100 };
        directory.Structures.AddRange(sample.Structures);
        directory.People.AddRange(sample.People);
        await using var database = await TestDatabase.CreateAsync(configure: s =>
            s.AddSingleton<IDirectorySource>(directory)
        );
        var sync = database.Get<DirectorySync>();
        Assert.True((await sync.RunAsync(dryRun: false)).Completed);

        directory.People.Clear();
        var empty = await sync.RunAsync(dryRun: false);

        Assert.False(empty.Completed);
        Assert.Contains("Personne n'a été désactivé", empty.Failure);
        await using (var db = database.NewContext())
            Assert.False(await db.Users.AnyAsync(p => p.DisabledAt != null));

        // Real departures, under the share, still go.
        directory.People.AddRange(sample.People.Skip(10));
        var some = await sync.RunAsync(dryRun: false);
        Assert.True(some.Completed, some.Failure);
        Assert.True(some.Entries.Gone is > 0 and <= 10, $"{some.Entries.Gone} gone");
    }
}
