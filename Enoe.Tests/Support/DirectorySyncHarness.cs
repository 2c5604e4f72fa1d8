using Enoe.Data;
using Enoe.Data.Directory;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// A database of its own with <see cref="DirectorySync"/> reading an <see cref="InMemoryDirectory"/> (by default the
/// <see cref="SmallDirectory"/>), and one local académie admin whose login an entry asks for.
/// </summary>
public sealed class DirectorySyncHarness : IAsyncDisposable
{
    public required TestDatabase Database { get; init; }
    public required InMemoryDirectory Directory { get; init; }
    public required int LocalAdminId { get; init; }
    public DirectorySync Sync => Database.Get<DirectorySync>();

    public static async Task<DirectorySyncHarness> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var directory = SmallDirectory.Create();
        var database = await TestDatabase.CreateAsync(configure: s =>
        {
            s.AddSingleton<IDirectorySource>(directory);
            configure?.Invoke(s);
        });
        await using var db = database.NewContext();
        var admin = new Person
        {
            FirstName = "Admin",
            LastName = "Local",
            UserName = SmallDirectory.LocalLogin,
            NormalizedUserName = SmallDirectory.LocalLogin.ToUpperInvariant(),
            SecurityStamp = "local-stamp",
            ConcurrencyStamp = "local-concurrency",
            IsAcademyAdmin = true,
        };
        db.Users.Add(admin);
        await db.SaveChangesAsync();
        return new DirectorySyncHarness
        {
            Database = database,
            Directory = directory,
            LocalAdminId = admin.Id,
        };
    }

    public Task<DirectorySyncReport> RunAsync(bool dryRun = false) => Sync.RunAsync(dryRun);

    public async Task<Person> PersonAsync(string key)
    {
        await using var db = Database.NewContext();
        return await db.Users.AsNoTracking().Include(p => p.Memberships).SingleAsync(p => p.DirectoryKey == key);
    }

    public async Task<int> IdOfAsync(string key) => (await PersonAsync(key)).Id;

    /// <summary>
    /// The rows of every table, and what each account looks like: a run that writes nothing leaves both.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = Database.NewContext();
        var lines = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        foreach (
            var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order()
        )
        {
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            lines.Add($"{table}: {await command.ExecuteScalarAsync()}");
        }
        lines.AddRange(
            (await db.Users.AsNoTracking().OrderBy(p => p.Id).ToListAsync()).Select(p =>
                $"{p.Id} {p.UserName} {p.FirstName} {p.ConcurrencyStamp} {p.SecurityStamp} {p.DisabledAt}"
            )
        );
        return string.Join("\n", lines);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
